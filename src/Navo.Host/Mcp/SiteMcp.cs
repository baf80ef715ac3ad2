using System.ComponentModel;
using ModelContextProtocol;
using ModelContextProtocol.Server;
using Navo.Host.Apis;
using Navo.Host.Database;
using Navo.Tools.Publish;

namespace Navo.Host.Mcp;

/// <summary>
/// <c>_navo/mcp</c> under a live site's address (<c>/s/{slug}/_navo/mcp</c>, <c>{slug}.{Navo:Sites:Domain}/_navo/mcp</c>
/// and its connected domains): what an assistant visiting for someone can read — the business's name, its offerings
/// with prices, opening hours, contact details and its pages as text — and one thing it can do: send the owner a
/// message, which becomes a lead under the contact form's checks and the same per-address budget. Only what the live
/// version publishes, never sample content and never a draft.
/// </summary>
public sealed partial class SiteMcp(IHttpContextAccessor http, PublishedFacts facts, NavoDatabase database, Leads leads, SiteMessageLimiter limiter, SiteVisits visits, ILogger<SiteMcp> logger)
{
    private McpServerPrimitiveCollection<McpServerTool>? _tools;

    public void Configure(McpServerOptions options) => options.ToolCollection = _tools ??= Tools();

    private McpServerPrimitiveCollection<McpServerTool> Tools()
    {
        var tools = new McpServerPrimitiveCollection<McpServerTool>();
        foreach (var (name, method) in new (string, Delegate)[]
        {
            ("get_business", BusinessAsync),
            ("list_offerings", OfferingsAsync),
            ("get_opening_hours", HoursAsync),
            ("get_contact_details", ContactAsync),
            ("read_pages", PagesAsync),
            ("send_message", SendMessageAsync),
        })
        {
            tools.Add(McpServerTool.Create(method, new McpServerToolCreateOptions
            {
                Name = name,
                ReadOnly = name != "send_message",
                Destructive = false,
                OpenWorld = false,
                UseStructuredContent = name != "send_message",
            }));
        }

        return tools;
    }

    /// <summary>The live site of the address the request came to.</summary>
    private async Task<PublishedSite> SiteAsync(CancellationToken cancellationToken) =>
        Slug is { } slug && await facts.FindAsync(slug, cancellationToken) is { } site
            ? site
            : throw new McpException("There is no live site at this address.");

    private string? Slug => http.HttpContext?.GetRouteValue("slug") as string;

    [LoggerMessage(Level = LogLevel.Information, Message = "A message for site {ProjectId} arrived through its MCP endpoint")]
    private static partial void LogMessage(ILogger logger, Guid projectId);

    [Description("Sends the business's owner a message from the person you are helping, as the site's contact form would: their name, an e-mail address the owner can reply to, and the message. Only send what that person asked you to send.")]
    private async Task<string> SendMessageAsync(
        [Description("The name of the person the message is from")] string name,
        [Description("Their e-mail address, for the owner's reply")] string email,
        [Description("The message, in their words")] string message,
        CancellationToken cancellationToken)
    {
        var context = http.HttpContext ?? throw new McpException("The message could not be sent.");
        var site = await SiteAsync(cancellationToken);

        // Every attempt counts, as every post of the form does, before anything is read.
        using var lease = limiter.Acquire(SiteMessageLimiter.Address(context));
        if (!lease.IsAcquired)
        {
            throw new McpException("Too many messages from this address. Wait a minute, then try again.");
        }

        var submission = new LeadSubmission(name, email, message, null);
        if (Leads.Check(submission) is { Count: > 0 } problems)
        {
            throw new McpException("The message was not sent. " + string.Join(" ", problems));
        }

        await leads.StoreAsync(site.TenantId, site.ProjectId, submission, cancellationToken);
        if (await PublishedSites.FindAsync(database, site.Slug, cancellationToken) is { Live: true } pointer)
        {
            await visits.FormReceivedAsync(context, site.Slug, pointer, cancellationToken);
        }

        LogMessage(logger, site.ProjectId);
        return $"The message was sent to {site.Site.Name}. They will reply to {email.Trim()}.";
    }
}
