using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Navo.Channels.Teams;

/// <summary>A bearer token the Bot Framework signed, and the key it was signed with (whose endorsements say for which channels).</summary>
public sealed record BotFrameworkToken(JsonWebToken Token, JsonWebKey Key);

/// <summary>
/// Authenticates requests from the Bot Framework as its protocol requires (protocols.md C). Microsoft.IdentityModel does
/// what a library can: the OpenID metadata and keys (<see cref="ConfigurationManager{T}"/>, cached, fetched again when
/// a token names a key Navo has not seen, at most once per <see cref="TeamsOptions.KeyRefreshInterval"/>) and the
/// token itself (<see cref="JsonWebTokenHandler"/>: RS256/384/512 signature, issuer <see cref="Issuer"/>, audience the
/// app id, lifetime with five minutes of skew). <see cref="Admits"/> adds the Bot Framework's own checks that no
/// library makes: the key is endorsed for the activity's channel, and the token's <c>serviceurl</c> is the activity's.
/// </summary>
public sealed partial class TeamsAuthentication
{
    public const string Issuer = "https://api.botframework.com";

    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>A token longer than this is not the Bot Framework's (theirs are about 1.5 KB).</summary>
    private const int MaxTokenLength = 16 * 1024;

    /// <summary>How long a request waits for keys fetched again because its token named an unknown one.</summary>
    private static readonly TimeSpan RefreshWait = TimeSpan.FromSeconds(3);

    private readonly ConfigurationManager<OpenIdConnectConfiguration> _metadata;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly TokenValidationParameters _parameters;
    private readonly TimeSpan _refreshInterval;
    private readonly TimeProvider _time;
    private readonly ILogger<TeamsAuthentication> _logger;
    private long _lastRefreshTicks;

    public TeamsAuthentication(IOptions<TeamsOptions> options, TimeProvider time, ILogger<TeamsAuthentication> logger)
    {
        var settings = options.Value;
        _metadata = new ConfigurationManager<OpenIdConnectConfiguration>(
            settings.OpenIdMetadataUrl,
            new OpenIdConnectConfigurationRetriever(),
            // http only to this machine, as the options' validation allows (a test's local issuer).
            new HttpDocumentRetriever { RequireHttps = settings.OpenIdMetadataUrl.StartsWith("https:", StringComparison.OrdinalIgnoreCase) })
        {
            RefreshInterval = settings.KeyRefreshInterval,
        };
        _parameters = new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = settings.AppId,
            ClockSkew = ClockSkew,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512],
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateLifetime = true,
            TryAllIssuerSigningKeys = false,
        };
        _refreshInterval = settings.KeyRefreshInterval;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// The token of an <c>Authorization: Bearer …</c> header when the Bot Framework signed it for this bot and it is
    /// current; null otherwise (the reason logged, never the token). Throws when the keys cannot be had at all.
    /// </summary>
    public async Task<BotFrameworkToken?> ValidateAsync(string? authorization, CancellationToken cancellationToken)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || authorization.Length > MaxTokenLength)
        {
            LogRefused(_logger, "no bearer token");
            return null;
        }

        var raw = authorization[7..].Trim();
        JsonWebToken unverified;
        try
        {
            unverified = _handler.ReadJsonWebToken(raw);
        }
        catch (Exception malformed) when (malformed is ArgumentException or SecurityTokenException or JsonException)
        {
            LogRefused(_logger, "malformed token");
            return null;
        }

        if (await KeyAsync(unverified.Kid, cancellationToken) is not { } key)
        {
            LogRefused(_logger, "unknown signing key");
            return null;
        }

        var parameters = _parameters.Clone();
        parameters.IssuerSigningKey = key;
        var result = await _handler.ValidateTokenAsync(raw, parameters);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken token)
        {
            LogRefused(_logger, result.Exception?.GetType().Name ?? "invalid token");
            return null;
        }

        return new BotFrameworkToken(token, key);
    }

    /// <summary>
    /// The Bot Framework's own checks, once the activity is read: the signing key is endorsed for its channel
    /// (<c>msteams</c>), and the token's <c>serviceurl</c> claim is its <c>serviceUrl</c> (case aside). Replies go only
    /// to service URLs that passed this.
    /// </summary>
    public bool Admits(BotFrameworkToken token, string? channelId, string? serviceUrl)
    {
        if (string.IsNullOrEmpty(channelId) || !Endorsements(token.Key).Contains(channelId, StringComparer.Ordinal))
        {
            LogRefused(_logger, "key not endorsed for the channel");
            return false;
        }

        if (string.IsNullOrEmpty(serviceUrl) || !token.Token.TryGetPayloadValue<string>("serviceurl", out var claimed)
            || !string.Equals(claimed, serviceUrl, StringComparison.OrdinalIgnoreCase))
        {
            LogRefused(_logger, "serviceurl differs from the activity's");
            return false;
        }

        return true;
    }

    /// <summary>
    /// The key named <paramref name="kid"/>. An unknown id asks for the keys again (a rotation), at most once per
    /// refresh interval, and waits for them briefly: the configuration manager fetches in the background.
    /// </summary>
    private async Task<JsonWebKey?> KeyAsync(string? kid, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(kid))
        {
            return null;
        }

        var configuration = await _metadata.GetConfigurationAsync(cancellationToken);
        if (Find(configuration, kid) is { } known)
        {
            return known;
        }

        var now = _time.GetUtcNow().UtcTicks;
        var last = Interlocked.Read(ref _lastRefreshTicks);
        if (now - last < _refreshInterval.Ticks || Interlocked.CompareExchange(ref _lastRefreshTicks, now, last) != last)
        {
            return null;
        }

        LogRefreshing(_logger);
        _metadata.RequestRefresh();
        var until = _time.GetUtcNow() + RefreshWait;
        while (_time.GetUtcNow() < until)
        {
            await Task.Delay(25, cancellationToken);
            var next = await _metadata.GetConfigurationAsync(cancellationToken);
            if (!ReferenceEquals(next, configuration))
            {
                return Find(next, kid);
            }
        }

        return null;
    }

    private static JsonWebKey? Find(OpenIdConnectConfiguration configuration, string kid) =>
        configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, kid, StringComparison.Ordinal));

    /// <summary>The channels a key is endorsed for: the Bot Framework's <c>endorsements</c> member, kept by the key set's reader as additional data.</summary>
    private static IEnumerable<string> Endorsements(JsonWebKey key) =>
        key.AdditionalData.TryGetValue("endorsements", out var value) ? value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!),
            IEnumerable<string> strings => strings,
            IEnumerable<object> items => items.OfType<string>(),
            _ => [],
        } : [];

    [LoggerMessage(Level = LogLevel.Information, Message = "A request to /api/messages was refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "A token named an unknown key: fetching the Bot Framework's keys again")]
    private static partial void LogRefreshing(ILogger logger);
}
