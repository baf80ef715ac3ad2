using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Navo.Testing;

/// <summary>
/// A local HTTP server standing in for a remote API: it answers each request with the next recorded response
/// (status, content type, body) and keeps every request body for the test to assert on. It answers one request at a
/// time, so a request it holds (<see cref="HoldWhen"/>) holds every request after it too.
/// </summary>
public sealed class ReplayServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(int Status, string ContentType, string Body)> _responses = new();
    private readonly Task _serving;

    public ReplayServer()
    {
        BaseAddress = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/");
        _listener.Prefixes.Add(BaseAddress.ToString());
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public Uri BaseAddress { get; }

    /// <summary>The requests received, in order: path and body.</summary>
    public ConcurrentQueue<(string Path, string Body)> Requests { get; } = new();

    public ReplayServer Reply(string json, int status = 200) => Enqueue(status, "application/json", json);

    /// <summary>Answers every request whose body satisfies <paramref name="match"/> this way, ahead of the queue.</summary>
    public ReplayServer When(Func<string, bool> match, string json, int status = 200)
    {
        _rules.Add((match, status, json));
        return this;
    }

    private readonly List<(Func<string, bool> Match, int Status, string Body)> _rules = [];

    /// <summary>
    /// Leaves every request whose body satisfies <paramref name="match"/> unanswered until the server is disposed, as a
    /// model still thinking when its host is killed; <see cref="Held"/> completes when the first one arrives.
    /// </summary>
    public ReplayServer HoldWhen(Func<string, bool> match)
    {
        _hold = match;
        return this;
    }

    private Func<string, bool>? _hold;

    private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Completes when a request that <see cref="HoldWhen"/> holds has arrived.</summary>
    public Task Held => _held.Task;

    /// <summary>A streamed response: each chunk as a <c>data:</c> line, then <c>data: [DONE]</c>.</summary>
    public ReplayServer ReplyStream(params string[] chunks) =>
        Enqueue(200, "text/event-stream", string.Concat(chunks.Select(c => $"data: {c}\n\n")) + "data: [DONE]\n\n");

    private ReplayServer Enqueue(int status, string contentType, string body)
    {
        _responses.Enqueue((status, contentType, body));
        return this;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            Requests.Enqueue((context.Request.Url!.AbsolutePath, await reader.ReadToEndAsync()));
            var requestBody = Requests.Last().Body;
            if (_hold?.Invoke(requestBody) == true)
            {
                _held.TrySetResult();
                await Task.Delay(Timeout.Infinite, _stopping.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                context.Response.Abort();
                continue;
            }

            var rule = _rules.FirstOrDefault(r => r.Match(requestBody));
            var (status, contentType, body) = rule.Match is not null
                ? (rule.Status, "application/json", rule.Body)
                : _responses.TryDequeue(out var next) ? next : (500, "application/json", "{\"error\":{\"message\":\"no recorded response\"}}");
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            var bytes = Encoding.UTF8.GetBytes(body);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        // Close alone: after Stop has let the port go, Close looks the port up again, binding it anew, and fails with
        // "Address already in use" when another process has taken the port meanwhile.
        _listener.Close();
        await _serving;
        _stopping.Dispose();
    }
}
