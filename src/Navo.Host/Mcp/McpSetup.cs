using Navo.Channels.Web;
using Navo.Host.Identity;

namespace Navo.Host.Mcp;

/// <summary>
/// Navo as a tool for other assistants, over MCP's Streamable HTTP (the official SDK): <c>/mcp</c> for a workspace's
/// members (<see cref="WorkspaceMcp"/>) and <c>_navo/mcp</c> under every live site's address (<see cref="SiteMcp"/>).
/// Both are stateless, like every other request Navo answers: any host can take the next request, and a question for
/// the user (an approval) travels as the protocol's multi round-trip request, its state signed by Navo.
/// </summary>
public static class McpSetup
{
    public const string SitePath = "/s/{slug}/_navo/mcp";

    public static WebApplicationBuilder AddNavoMcp(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<WorkspaceMcp>();
        builder.Services.AddSingleton<McpApprovals>();
        builder.Services.AddSingleton<WorkspaceResources>();
        builder.Services.AddSingleton<PublishedFacts>();
        builder.Services.AddSingleton<SiteMessageLimiter>();
        builder.Services.AddSingleton<SiteMcp>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddMcpServer(options => options.ServerInfo = new() { Name = "Navo", Version = "1.0" })
            .WithHttpTransport(http =>
            {
                http.Stateless = true;
                http.ConfigureSessionOptions = (context, options, _) =>
                {
                    // Stateless: called for every request, so each request gets the server of the address it came to.
                    if (context.GetRouteValue("slug") is string)
                    {
                        context.RequestServices.GetRequiredService<SiteMcp>().Configure(options);
                    }
                    else
                    {
                        context.RequestServices.GetRequiredService<WorkspaceMcp>().Configure(options);
                    }

                    return Task.CompletedTask;
                };
            });
        return builder;
    }

    public static WebApplication MapNavoMcp(this WebApplication app)
    {
        // Each request may be a turn of the member's MCP conversation: it counts against their chat budget, as a message does.
        app.MapMcp("/mcp").WithTags("MCP").ExcludeFromDescription().RequireAuthorization(Policies.McpMember).RequireRateLimiting(WebChatEndpoints.ChatRateLimit);
        // Anonymous, like the site's pages: a visitor's assistant reads what the site shows, and sends a message as its form would.
        app.MapMcp(SitePath).WithTags("Sites").ExcludeFromDescription().DisableAntiforgery();
        app.MapGet("/s/{slug}/llms.txt", LlmsText.ServeAsync).WithTags("Sites").ExcludeFromDescription();
        return app;
    }
}
