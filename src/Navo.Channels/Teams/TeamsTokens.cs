using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Navo.Channels.Teams;

/// <summary>
/// Navo's own token for the Connector: client credentials (the app id and password) at the token endpoint, scope
/// <c>https://api.botframework.com/.default</c>, kept until <see cref="RenewBefore"/> its expiry, and fetched by one
/// caller at a time. A Connector that answers 401 makes the next call fetch a fresh one (<see cref="Forget"/>).
/// </summary>
public sealed partial class TeamsTokens(IHttpClientFactory clients, IOptions<TeamsOptions> options, TimeProvider time, ILogger<TeamsTokens> logger)
{
    public const string ClientName = "teams-token";

    public const string Scope = "https://api.botframework.com/.default";

    /// <summary>A token is renewed this long before it expires, so none expires on its way to the Connector.</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _fetching = new(1, 1);
    private (string Token, DateTimeOffset Expires)? _current;

    public async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        if (_current is { } held && held.Expires - RenewBefore > time.GetUtcNow())
        {
            return held.Token;
        }

        await _fetching.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } fetched && fetched.Expires - RenewBefore > time.GetUtcNow())
            {
                return fetched.Token;
            }

            var settings = options.Value;
            using var response = await clients.CreateClient(ClientName).PostAsync(settings.TokenEndpoint(), new FormUrlEncodedContent(
            [
                new("grant_type", "client_credentials"),
                new("client_id", settings.AppId!),
                new("client_secret", settings.AppPassword!),
                new("scope", Scope),
            ]), cancellationToken);
            LogFetched(logger, (int)response.StatusCode);
            var answer = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken) : null;
            if (answer?["access_token"] is not JsonValue token || !token.TryGetValue<string>(out var value))
            {
                throw new HttpRequestException($"The token endpoint answered {(int)response.StatusCode} without a token.");
            }

            var lifetime = answer["expires_in"] is JsonValue seconds && seconds.TryGetValue<int>(out var s) ? s : 3600;
            _current = (value, time.GetUtcNow().AddSeconds(lifetime));
            return value;
        }
        finally
        {
            _fetching.Release();
        }
    }

    /// <summary>The Connector refused the token: the next call fetches another.</summary>
    public void Forget() => _current = null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Teams token endpoint answered {Status}")]
    private static partial void LogFetched(ILogger logger, int status);
}
