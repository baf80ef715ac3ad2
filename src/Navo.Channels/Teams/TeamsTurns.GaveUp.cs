using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Navo.Channels.Queues;
using static Navo.Channels.Teams.TeamsActivity;

namespace Navo.Channels.Teams;

public sealed partial class TeamsTurns
{
    /// <summary>
    /// Tells the person whose message was given up, in a plain sentence replying to it, once; a failure to tell them is
    /// logged and left. A conversation's or installation's change asked nothing of anyone: nobody is told.
    /// </summary>
    public async Task TellGaveUpAsync(TeamsWork work, CancellationToken cancellationToken)
    {
        if (work.Kind != "message")
        {
            return;
        }

        try
        {
            var activity = JsonNode.Parse(work.Payload)!.AsObject();
            if (ConversationId(activity) is { } conversation && Id(activity) is { } activityId)
            {
                await connector.SendAsync(work.ServiceUrl, conversation, new JsonObject { ["type"] = "message", ["text"] = QueueWords.GaveUp }, activityId, cancellationToken);
            }
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            LogTellFailed(logger, work.Id, failure.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telling the person that Teams work {Id} was given up failed: {Reason}")]
    private static partial void LogTellFailed(ILogger logger, long id, string reason);
}
