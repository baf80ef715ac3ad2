using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Navo.Channels;

/// <summary>What the channels' HTTP sides share: reading a request's body up to a limit, and how their API clients retry.</summary>
public static class ChannelHttp
{
    /// <summary>The body, or null when it is larger than <paramref name="maxBytes"/> (read no further).</summary>
    public static async Task<byte[]?> ReadAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>413 for a body over the limit; <paramref name="detail"/> says what the limit is.</summary>
    public static ProblemHttpResult TooLarge(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The body is too large.", detail: detail);

    /// <summary>
    /// 429 waits as long as <c>Retry-After</c> says; a 5xx or a dropped connection is tried again after 0.5, 1, 2 s, for a
    /// request <paramref name="repeatable"/> says may be sent twice. One minute at most for a call with its retries: the
    /// calls run on the queue's worker (or answer an invoke), never holding a request from the channel for long.
    /// </summary>
    public static void AddResilience(IHttpClientBuilder client, string name, Func<HttpRequestMessage?, bool> repeatable) =>
        client.AddResilienceHandler(name, pipeline => pipeline
            .AddTimeout(TimeSpan.FromMinutes(1))
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 3,
                Delay = TimeSpan.FromMilliseconds(500),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests
                    || (HttpClientResiliencePredicates.IsTransient(args.Outcome) && repeatable(args.Context.GetRequestMessage()))),
            }));
}
