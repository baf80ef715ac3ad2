using Microsoft.Extensions.Options;
using Navo.Channels.Queues;

namespace Navo.Channels.Slack;

/// <summary>
/// <c>Navo:Slack</c>: the Slack app's credentials and where Slack is. Slack is on when <see cref="SigningSecret"/> is
/// set; then the rest is checked at start-up. <c>Workers</c>, <c>MaxAttempts</c> and <c>RetryDelay</c>
/// set its queue (<see cref="ChannelQueueOptions"/>). Secrets come only from configuration and are never logged.
/// </summary>
public sealed class SlackOptions : ChannelQueueOptions
{
    public const string Section = "Navo:Slack";

    /// <summary>The app's signing secret: every request from Slack is verified with it.</summary>
    public string? SigningSecret { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Slack's Web API; a test points it at a local server.</summary>
    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    public string AuthorizeUrl { get; set; } = "https://slack.com/oauth/v2/authorize";

    /// <summary>Navo's own address as people reach it, for the link and preview links posted into Slack.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>The bot scopes an installation asks for; the <c>*:history</c> ones let a retried reply find the message it posted before, <c>files:read</c> fetches shared photos.</summary>
    public string Scopes { get; set; } = "app_mentions:read,chat:write,commands,im:history,im:read,im:write,channels:history,groups:history,files:read,assistant:write";

    public override bool Enabled => !string.IsNullOrWhiteSpace(SigningSecret);

    /// <summary>Methods, not properties: options validation reads every property, and these need the settings present.</summary>
    public Uri ApiBase() => new(ApiBaseUrl.EndsWith('/') ? ApiBaseUrl : ApiBaseUrl + "/");

    public Uri PublicBase() => new(PublicUrl!.EndsWith('/') ? PublicUrl : PublicUrl + "/");
}

/// <summary>With Slack on, every setting it needs is present and well formed; a missing one is named.</summary>
public sealed class SlackOptionsValidation : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add("Navo:Slack:ClientId is required when Navo:Slack:SigningSecret is set.");
        }

        if (string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            failures.Add("Navo:Slack:ClientSecret is required when Navo:Slack:SigningSecret is set.");
        }

        foreach (var (key, value) in new[] { ("ApiBaseUrl", options.ApiBaseUrl), ("AuthorizeUrl", options.AuthorizeUrl), ("PublicUrl", options.PublicUrl) })
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            {
                failures.Add($"Navo:Slack:{key} must be an absolute http(s) address.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
