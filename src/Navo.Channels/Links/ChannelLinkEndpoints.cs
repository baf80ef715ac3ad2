using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Navo.Channels.Links;

/// <summary>
/// Linking someone in a channel to a member: the page a link opens (<c>/link/slack</c>, <c>/link/teams</c>), its
/// script, and <c>POST /api/v1/channels/link</c>, which a signed-in member calls to confirm.
/// </summary>
public static class ChannelLinkEndpoints
{
    /// <summary>The link store; each channel adds its own <see cref="IChannelLinker"/>.</summary>
    public static IServiceCollection AddChannelLinks(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ChannelLinks>();
        return services;
    }

    public static IEndpointRouteBuilder MapChannelLinkEndpoints(this IEndpointRouteBuilder app, string memberPolicy)
    {
        app.MapGet("/link/slack", () => LinkPage("Slack")).ExcludeFromDescription();
        app.MapGet("/link/teams", () => LinkPage("Microsoft Teams")).ExcludeFromDescription();
        app.MapGet("/link-channel.js", LinkScript).ExcludeFromDescription();
        app.MapPost("/api/v1/channels/link", LinkAsync).WithTags("Channels").WithName("LinkChannelIdentity").RequireAuthorization(memberPolicy);
        return app;
    }

    /// <summary>The page a link opens: sign in, then confirm. <paramref name="channel"/> is a fixed name, never request input.</summary>
    public static ContentHttpResult LinkPage(string channel) => TypedResults.Content(
        $"""
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Link {channel} to Navo</title>
        <link rel="stylesheet" href="/navo.css"></head><body><main data-channel="{channel}">
        <h1>Link your {channel} account</h1>
        <p>Confirm to let Navo act for you in {channel}, with your role in this workspace. Only confirm a link you asked
        for yourself, in {channel}. Sign in first if you have not.</p>
        <button id="confirm">Confirm</button> <a href="/signin">Sign in</a><p id="result" role="status"></p>
        <script src="/link-channel.js"></script></main></body></html>
        """, "text/html; charset=utf-8");

    public static ContentHttpResult LinkScript() => TypedResults.Content(
        """
        const token = new URLSearchParams(location.search).get('token');
        const channel = document.querySelector('main').dataset.channel;
        document.getElementById('confirm').addEventListener('click', async () => {
          const answer = await fetch('/api/v1/channels/link', { method: 'POST', credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token }) });
          document.getElementById('result').textContent = answer.ok ? `Linked. Go back to ${channel} and write to Navo again.`
            : answer.status === 401 ? 'Sign in first, then open this link again.'
            : ((await answer.json()).detail || 'That did not work.');
        });
        """, "text/javascript; charset=utf-8");

    public sealed record LinkRequest(string? Token);

    /// <summary>A signed-in member confirms a link: the person it was made for acts as them in that channel, with their own role.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> LinkAsync(
        LinkRequest request, HttpContext http, ITenantResolver tenants, [FromServices] ChannelLinks links, CancellationToken cancellationToken) =>
        await links.RedeemAsync(request.Token, tenants.Resolve(http), cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "This link is not valid.",
                detail: "It was used already, has expired (links last 15 minutes), is for another workspace, or needs an owner of the workspace to confirm it first. Write to Navo in your channel again for a new one.");
}
