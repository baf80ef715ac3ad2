using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace Navo.Host.Tests.Support;

/// <summary>
/// What a load balancer does in front of several hosts, as a client: each request to the next host in turn, and a
/// request a host refuses to connect (stopped, or not started yet) sent to the next one instead. Nothing else is
/// retried: a request a host accepted and then failed counts as failed.
/// </summary>
public sealed class Balancer(Uri[] hosts)
{
    private readonly HttpClient _client = new(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10) }) { Timeout = TimeSpan.FromSeconds(120) };
    private readonly Uri[] _hosts = hosts;
    private int _next;

    /// <summary>A host restarted on another address.</summary>
    public void Replace(int index, Uri address) => Volatile.Write(ref _hosts[index], address);

    /// <summary>Sends the request <paramref name="make"/> makes to the next host that takes the connection.</summary>
    public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> make, CancellationToken cancellationToken, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        var first = Interlocked.Increment(ref _next);
        for (var attempt = 0; ; attempt++)
        {
            var host = Volatile.Read(ref _hosts[(first + attempt) % _hosts.Length]);
            using var request = make();
            request.RequestUri = new Uri(host, request.RequestUri!);
            try
            {
                return await _client.SendAsync(request, completion, cancellationToken);
            }
            catch (HttpRequestException refused) when (refused.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused } && attempt < 20)
            {
                // No host listening there: the next one, after a breath when every host has refused in a row.
                if (attempt % _hosts.Length == _hosts.Length - 1)
                {
                    await Task.Delay(100, cancellationToken);
                }
            }
        }
    }
}

/// <summary>
/// Steady traffic through a <see cref="Balancer"/>: live pages, API reads, API writes and chat turns streamed as
/// server-sent events, each checked for its whole answer (a stream must end with <c>done</c>).
/// </summary>
public sealed class Traffic(Balancer balancer, string token, Guid project, string page, Guid[] conversations)
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _failures = new();
    private int _completed;
    private int _turns;

    public IReadOnlyCollection<string> Failures => _failures;

    public int Completed => _completed;

    public int Turns => _turns;

    public string Summary => $"{Completed} requests ({Turns} chat turns streamed), {Failures.Count} failed";

    public static HttpRequestMessage Request(HttpMethod method, string path, string? token, object? body)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    public async Task RunAsync(int worker, CancellationToken stop)
    {
        for (var n = worker; !stop.IsCancellationRequested; n++)
        {
            var kind = n % 4;
            try
            {
                var failure = kind switch
                {
                    0 => await CheckAsync(() => Request(HttpMethod.Get, page, null, null), 200, body => body.Contains("Casa do Pão", StringComparison.Ordinal)),
                    1 => await CheckAsync(() => Request(HttpMethod.Get, $"/api/v1/projects/{project}", token, null), 200, body => body.Contains(project.ToString(), StringComparison.Ordinal)),
                    2 => await CheckAsync(() => Request(HttpMethod.Post, "/api/v1/projects", token, new { description = $"Steady {worker}-{n} is a café in Porto." }), 201, _ => true),
                    // One conversation a worker: two turns at once in one conversation would be refused as busy.
                    _ => await TurnAsync(conversations[worker % conversations.Length]),
                };
                if (failure is not null)
                {
                    _failures.Enqueue(failure);
                }
                else
                {
                    Interlocked.Increment(ref _completed);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception failed) when (failed is HttpRequestException or TaskCanceledException or IOException)
            {
                _failures.Enqueue($"kind {kind}: {failed.GetType().Name}: {failed.Message}");
            }
        }
    }

    private async Task<string?> TurnAsync(Guid conversation)
    {
        HttpRequestMessage Make()
        {
            var request = Request(HttpMethod.Post, $"/api/v1/conversations/{conversation}/messages", token, new { text = "What can you do for my site?" });
            request.Headers.Accept.ParseAdd("text/event-stream");
            return request;
        }

        var failure = await CheckAsync(Make, 200, body => body.TrimEnd().Split("\n\n")[^1].StartsWith("event: done", StringComparison.Ordinal));
        if (failure is null)
        {
            Interlocked.Increment(ref _turns);
        }

        return failure;
    }

    /// <summary>Null when the answer has the status and a whole body that passes <paramref name="whole"/>; else what went wrong.</summary>
    private async Task<string?> CheckAsync(Func<HttpRequestMessage> make, int status, Func<string, bool> whole)
    {
        string line;
        using (var sample = make())
        {
            line = $"{sample.Method} {sample.RequestUri}";
        }

        using var response = await balancer.SendAsync(make, CancellationToken.None);
        var body = await response.Content.ReadAsStringAsync();
        return (int)response.StatusCode != status ? $"{line}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}"
            : !whole(body) ? $"{line}: an incomplete answer: {body[..Math.Min(body.Length, 300)]}"
            : null;
    }
}
