using System.Net;
using Microsoft.Extensions.Options;
using Navo.Channels.Queues;

namespace Navo.Channels.Teams;

/// <summary>
/// <c>Navo:Teams</c>: the bot's Microsoft app registration and where the Bot Framework is. Teams is on when
/// <see cref="AppId"/> is set; then the rest is checked at start-up. <c>Workers</c>, <c>MaxAttempts</c> and
/// <c>RetryDelay</c> set its queue (<see cref="ChannelQueueOptions"/>). Secrets come only from configuration and are
/// never logged.
/// </summary>
public sealed class TeamsOptions : ChannelQueueOptions
{
    public const string Section = "Navo:Teams";

    public const string BotFrameworkMetadata = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The bot's Microsoft app id: the audience of every token Teams sends, and the client id of Navo's own.</summary>
    public string? AppId { get; set; }

    /// <summary>The app's client secret, for the tokens Navo sends to the Connector.</summary>
    public string? AppPassword { get; set; }

    /// <summary>For a single-tenant bot, its Microsoft Entra tenant: Navo's tokens come from it, and only its activities are taken.</summary>
    public string? TenantId { get; set; }

    /// <summary>The Bot Framework's OpenID metadata (issuer and keys); a test points it at a local issuer.</summary>
    public string OpenIdMetadataUrl { get; set; } = BotFrameworkMetadata;

    /// <summary>Where Navo gets its token for the Connector; by default the bot's tenant's (or <c>botframework.com</c>'s) v2 endpoint.</summary>
    public string? TokenUrl { get; set; }

    /// <summary>Navo's own address as people reach it, for the link and preview links sent into Teams.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>
    /// The shortest time between two fetches of the keys that an unknown key id asks for: a key rotation is picked up
    /// at once, and tokens naming made-up keys cannot make Navo fetch the keys more often than this.
    /// </summary>
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the daily suggestions are looked for, to send to the conversations they belong to; zero turns that off on this host.</summary>
    public TimeSpan DailySuggestionsEvery { get; set; } = TimeSpan.FromMinutes(5);

    public override bool Enabled => !string.IsNullOrWhiteSpace(AppId);

    /// <summary>Methods, not properties: options validation reads every property, and these need the settings present.</summary>
    public string TokenEndpoint() => TokenUrl is { Length: > 0 } url ? url
        : $"https://login.microsoftonline.com/{(string.IsNullOrWhiteSpace(TenantId) ? "botframework.com" : TenantId)}/oauth2/v2.0/token";

    public Uri PublicBase() => new(PublicUrl!.EndsWith('/') ? PublicUrl : PublicUrl + "/");

    /// <summary>https, or http to this machine only (a test's local issuer): keys and secrets never cross a network in the clear.</summary>
    public static bool IsSafeEndpoint(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && (uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip)))));
}

/// <summary>With Teams on, every setting it needs is present and well formed; a missing one is named.</summary>
public sealed class TeamsOptionsValidation : IValidateOptions<TeamsOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.AppPassword))
        {
            failures.Add("Navo:Teams:AppPassword is required when Navo:Teams:AppId is set.");
        }

        if (options.TenantId is { } tenant && (tenant.Length is 0 or > 64 || tenant.AsSpan().IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.") >= 0))
        {
            failures.Add("Navo:Teams:TenantId must be a Microsoft Entra tenant id (a GUID) or domain.");
        }

        foreach (var (key, value) in new[] { ("OpenIdMetadataUrl", options.OpenIdMetadataUrl), ("TokenUrl", options.TokenEndpoint()) })
        {
            if (!TeamsOptions.IsSafeEndpoint(value))
            {
                failures.Add($"Navo:Teams:{key} must be an absolute https address (http only to this machine).");
            }
        }

        if (!Uri.TryCreate(options.PublicUrl, UriKind.Absolute, out var publicUrl) || publicUrl.Scheme is not ("https" or "http"))
        {
            failures.Add("Navo:Teams:PublicUrl must be an absolute http(s) address.");
        }

        if (options.DailySuggestionsEvery < TimeSpan.Zero)
        {
            failures.Add("Navo:Teams:DailySuggestionsEvery cannot be negative.");
        }

        if (options.KeyRefreshInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add("Navo:Teams:KeyRefreshInterval must be at least one second.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
