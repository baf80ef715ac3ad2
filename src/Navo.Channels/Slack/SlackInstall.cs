using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Navo.Channels.Slack;

/// <summary>
/// Installing Navo into a Slack team (OAuth v2, with a signed single-use <c>state</c> bound to the owner's workspace)
/// and linking Slack users to members (a single-use link a signed-in member confirms).
/// </summary>
public static class SlackInstall
{
    /// <summary>An owner starts the install: off to Slack's authorize page with the bot scopes and a fresh <c>state</c>.</summary>
    public static async Task<RedirectHttpResult> InstallAsync(
        HttpContext http, ITenantResolver tenants, SlackStore slack, IOptions<SlackOptions> options, CancellationToken cancellationToken)
    {
        var owner = tenants.Resolve(http);
        var state = await slack.NewStateAsync(owner.TenantId, owner.UserId, cancellationToken);
        return TypedResults.Redirect(QueryHelpers.AddQueryString(options.Value.AuthorizeUrl, new Dictionary<string, string?>
        {
            ["client_id"] = options.Value.ClientId,
            ["scope"] = options.Value.Scopes,
            ["state"] = state,
        }));
    }

    /// <summary>
    /// Slack sends the owner back with <c>code</c> and <c>state</c>: the state is spent, the code traded at
    /// <c>oauth.v2.access</c>, the installation stored and the installing Slack user linked to the owner.
    /// </summary>
    public static async Task<IResult> CallbackAsync(
        string? code, string? state, string? error, SlackStore slack, SlackApi api, IOptions<SlackOptions> options, CancellationToken cancellationToken)
    {
        if (error is not null)
        {
            return TypedResults.Redirect("/studio?slack=cancelled");
        }

        if (string.IsNullOrEmpty(code) || code.Length > 200 || await slack.SpendStateAsync(state, cancellationToken) is not { } owner)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "This install link is not valid.",
                detail: "It was used already, has expired, or did not come from Navo. Start again from the studio.");
        }

        JsonObject access;
        try
        {
            access = await api.AccessAsync(options.Value.ClientId!, options.Value.ClientSecret!, code, cancellationToken);
        }
        catch (Exception failure) when (failure is SlackApiException or HttpRequestException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "Slack did not complete the install.",
                detail: "Slack refused or did not answer. Start again from the studio.");
        }

        if (SlackTurns.Str(access["team"] as JsonObject, "id") is not { } team || SlackTurns.Str(access, "access_token") is not { } token
            || SlackTurns.Str(access, "bot_user_id") is not { } bot)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "Slack did not complete the install.",
                detail: "Slack's answer had no bot token. Start again from the studio.");
        }

        await slack.InstallAsync(team, owner.TenantId, SlackTurns.Str(access, "app_id"), bot, token, owner.UserId,
            SlackTurns.Str(access["authed_user"] as JsonObject, "id"), cancellationToken);
        return TypedResults.Redirect("/studio?slack=installed");
    }

    /// <summary>The page a Slack user's link button opens: sign in, then confirm.</summary>
    public static ContentHttpResult LinkPage() => TypedResults.Content(
        """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Link Slack to Navo</title>
        <link rel="stylesheet" href="/navo.css"></head><body><main>
        <h1>Link your Slack account</h1>
        <p>Confirm to let Navo act for you in Slack, with your role in this workspace. Sign in first if you have not.</p>
        <button id="confirm">Confirm</button> <a href="/signin">Sign in</a><p id="result" role="status"></p>
        <script src="/link-slack.js"></script></main></body></html>
        """, "text/html; charset=utf-8");

    public static ContentHttpResult LinkScript() => TypedResults.Content(
        """
        const token = new URLSearchParams(location.search).get('token');
        document.getElementById('confirm').addEventListener('click', async () => {
          const answer = await fetch('/api/v1/channels/link', { method: 'POST', credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token }) });
          document.getElementById('result').textContent = answer.ok ? 'Linked. Go back to Slack and write to Navo again.'
            : answer.status === 401 ? 'Sign in first, then open this link again.'
            : ((await answer.json()).detail || 'That did not work.');
        });
        """, "text/javascript; charset=utf-8");

    public sealed record LinkRequest(string? Token);

    /// <summary>A signed-in member confirms a link: the Slack user it was made for acts as them, with their own role.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> LinkAsync(
        LinkRequest request, HttpContext http, ITenantResolver tenants, [FromServices] SlackStore slack, CancellationToken cancellationToken) =>
        await slack.RedeemLinkAsync(request.Token, tenants.Resolve(http), cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "This link is not valid.",
                detail: "It was used already, has expired (links last 15 minutes), or is for another workspace. Write to Navo in Slack again for a new one.");
}
