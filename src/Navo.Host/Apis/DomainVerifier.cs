using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Navo.Host.Apis;

/// <summary>
/// Proves a domain points at Navo: fetches <c>http://{host}/.well-known/navo-domain/{token}</c> and expects the
/// token back, which only a Navo that holds the waiting domain answers. The request goes only to public addresses
/// (an owner cannot make Navo call into its own network), follows no redirect and reads at most a few bytes. Its
/// client's resilience handler (<see cref="AddResilience"/>) retries a dropped connection or a 5xx twice and gives the
/// whole check five seconds.
/// </summary>
public sealed class DomainVerifier(IHttpClientFactory clients)
{
    /// <summary>The named HTTP client the check uses.</summary>
    public const string ClientName = "domain-verification";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>Null when <paramref name="host"/> reached this Navo with <paramref name="token"/>; otherwise what to do, in a sentence.</summary>
    public async Task<string?> CheckAsync(string host, string token, CancellationToken cancellationToken)
    {
        var advice = $"Add a CNAME record for {host} pointing at Navo (or an A record with Navo's address), wait for it to spread, and verify again.";
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // The handler's total timeout bounds the request; this bounds reading the few bytes of the answer too.
        timeout.CancelAfter(Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"http://{host}{DomainMap.ChallengePath}/{token}");
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return $"{host} answered, but not as Navo ({(int)response.StatusCode}). {advice}";
            }

            var buffer = new byte[64];
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            var read = await body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, timeout.Token);
            return Encoding.ASCII.GetString(buffer, 0, read).Trim() == token ? null : $"{host} answered, but not as Navo. {advice}";
        }
        catch (Exception timedOut) when (timedOut is OperationCanceledException or Polly.Timeout.TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            return $"{host} did not answer within {Timeout.TotalSeconds:0} seconds. {advice}";
        }
        catch (HttpRequestException)
        {
            return $"Navo could not reach {host}. {advice}";
        }
    }

    /// <summary>Retries for a dropped connection or a 5xx (twice, quickly), within five seconds for the whole check.</summary>
    public static void AddResilience(IHttpClientBuilder client) => client.AddResilienceHandler("domain-check", pipeline => pipeline
        .AddTimeout(Timeout)
        .AddRetry(new HttpRetryStrategyOptions { MaxRetryAttempts = 2, Delay = TimeSpan.FromMilliseconds(250) }));

    /// <summary>The check's connection handler: public addresses only, no redirects, no proxy, no cookies.</summary>
    public static SocketsHttpHandler PublicOnlyHandler() => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        ConnectTimeout = Timeout,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
            var address = addresses.FirstOrDefault(IsPublic)
                ?? throw new HttpRequestException($"{context.DnsEndPoint.Host} does not resolve to a public address.");
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(address, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    /// <summary>False for loopback, private, link-local, shared, multicast and reserved addresses.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] is 0 or 10 or 127 or >= 224
                || (b[0] == 100 && b[1] >= 64 && b[1] < 128)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] >= 16 && b[1] < 32)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                || (b[0] == 198 && b[1] is 18 or 19));
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var first = address.GetAddressBytes()[0];
            return !(IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal
                || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (first & 0xfe) == 0xfc);
        }

        return false;
    }
}
