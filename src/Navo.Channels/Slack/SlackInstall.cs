using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Navo.Channels.Slack;

/// <summary>
/// Installing Navo into a Slack team (OAuth v2, with a signed single-use <c>state</c> bound to the owner's workspace).
/// Linking Slack users to members is the channels' shared link flow (<see cref="Links.ChannelLinkEndpoints"/>).
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
}
