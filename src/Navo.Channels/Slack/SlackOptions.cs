using Microsoft.Extensions.Options;

namespace Navo.Channels.Slack;

/// <summary>
/// <c>Navo:Slack</c>: the Slack app's credentials and where Slack is. Slack is on when <see cref="SigningSecret"/> is
/// set; then the rest is checked at start-up. Secrets come only from configuration and are never logged.
/// </summary>
public sealed class SlackOptions
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

    /// <summary>How many turns one host works on at once.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 64)]
    public int Workers { get; set; } = 4;

    /// <summary>How many times a queued item is tried before it is given up and the person told.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait before an item's second attempt; doubled for each one after.</summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public bool Enabled => !string.IsNullOrWhiteSpace(SigningSecret);

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
