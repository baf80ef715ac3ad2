using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Navo.Agent.Conversations;
using Navo.Tools.Assets;

namespace Navo.Channels.Slack;

public sealed partial class SlackTurns
{
    /// <summary>The only host Slack serves shared files from; a test's files come from the configured Web API's own host.</summary>
    public const string FileHost = "files.slack.com";

    /// <summary>
    /// A photo shared in the thread (<c>file_share</c>, or files with a message): downloaded with the bot token, stored
    /// in the project's image library through the same checks as the studio's uploads (<see cref="AssetLibrary"/>), and
    /// handed to the turn with the message's words, so "use this on the home page" places it. Only an editor or owner
    /// adds photos; the conversation needs a site first.
    /// </summary>
    private async Task PhotoTurnAsync(
        SlackInstallation installation, SlackWork work, SlackMember member, (Guid Id, bool Assistant) conversation, JsonObject file,
        string channel, string root, string text, string messageId, CancellationToken cancellationToken)
    {
        string? problem = null;
        string? asset = null;
        if (!member.Tenant.IsInRole("owner") && !member.Tenant.IsInRole("editor"))
        {
            problem = "Only an editor or owner of the workspace can add photos to the site.";
        }
        else if (await CurrentProjectAsync(member, conversation.Id, cancellationToken) is not { } project)
        {
            problem = "Describe your business first, and I'll draft your site; then the photo can go on it.";
        }
        else
        {
            (asset, problem) = await StorePhotoAsync(installation, member, project, file, cancellationToken);
        }

        if (problem is not null)
        {
            await PostAsync(installation, work, channel, root, AgentReply.Plain(problem), member, null, cancellationToken);
            return;
        }

        var outcome = await conversations.SendAsync(member.Tenant, conversation.Id,
            new IncomingMessage(text.Length == 0 ? "Here's a photo." : text, messageId, null, null, Channel, AssetId: asset), cancellationToken: cancellationToken);
        if (outcome is not null)
        {
            await PostAsync(installation, work, channel, root, outcome.Reply, member, null, cancellationToken);
        }
    }

    /// <summary>The project the conversation is about now, or null before there is one.</summary>
    private async Task<Guid?> CurrentProjectAsync(SlackMember member, Guid conversation, CancellationToken cancellationToken)
    {
        await using var session = store.OpenSession(member.Tenant);
        return (await session.AggregateStreamAsync<ConversationState>(conversation, cancellationToken: cancellationToken))?.State.ProjectId;
    }

    /// <summary>Downloads the shared file and stores it as the project's image; its asset id, or the sentence saying why not.</summary>
    private async Task<(string? Asset, string? Problem)> StorePhotoAsync(
        SlackInstallation installation, SlackMember member, Guid project, JsonObject file, CancellationToken cancellationToken)
    {
        var name = Str(file, "name") ?? "photo";
        var type = Str(file, "mimetype");
        if (type is null || !type.StartsWith("image/", StringComparison.Ordinal))
        {
            return (null, "That file isn't a photo I can use: share a JPEG, PNG or WebP image.");
        }

        if (file["size"] is JsonValue size && size.TryGetValue<long>(out var bytes) && bytes > ImageProcessor.MaxBytes)
        {
            return (null, $"That photo is {bytes / (1024.0 * 1024):0.#} MB; photos can be at most {ImageProcessor.MaxBytes / (1024 * 1024)} MB.");
        }

        if (!Uri.TryCreate(Str(file, "url_private_download") ?? Str(file, "url_private"), UriKind.Absolute, out var url) || !FromSlack(url))
        {
            LogFileRefused(logger, installation.TeamId, "not from Slack's file host");
            return (null, "I couldn't fetch that photo from Slack. Share it again, or upload it in the studio.");
        }

        var (downloaded, refusal) = await api.DownloadAsync(url, installation.BotToken, ImageProcessor.MaxBytes, FromSlack, cancellationToken);
        if (downloaded is null)
        {
            LogFileRefused(logger, installation.TeamId, refusal!);
            return (null, refusal == "too large"
                ? $"That photo is larger than {ImageProcessor.MaxBytes / (1024 * 1024)} MB, the most a photo can be."
                : "I couldn't fetch that photo from Slack. Share it again, or upload it in the studio.");
        }

        var stored = await assets.UploadAsync(member.Tenant, project, downloaded, name, type, cancellationToken);
        return stored.Outcome switch
        {
            AssetOutcome.Created or AssetOutcome.Existing => (stored.Asset!.Id, null),
            AssetOutcome.Invalid => (null, stored.Problem),
            _ => (null, "I can't find that site any more."),
        };
    }

    /// <summary>Slack's file host over HTTPS, or the configured Web API's own scheme and host (a local stand-in in tests).</summary>
    private bool FromSlack(Uri url)
    {
        var api = options.Value.ApiBase();
        return (url.Scheme == Uri.UriSchemeHttps && url.IsDefaultPort && string.Equals(url.Host, FileHost, StringComparison.OrdinalIgnoreCase))
            || (url.Scheme == api.Scheme && string.Equals(url.Authority, api.Authority, StringComparison.OrdinalIgnoreCase));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A file shared with Slack team {TeamId} was refused: {Reason}")]
    private static partial void LogFileRefused(ILogger logger, string teamId, string reason);
}
