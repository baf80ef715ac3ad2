using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Navo.EventStore;

namespace Navo.Agent.Conversations;

/// <summary>
/// Keeps <c>navo_conversations</c> in the append's transaction: who each conversation is with, on which channel, and
/// the site it is about (the one it was started for, then the one its last answer worked on), so the studio can open
/// the conversation of the site on screen; and <c>navo_conversation_replies</c>: the version of the reply to each
/// message id, so a repeated id older than the turns the state keeps is found with one index probe.
/// </summary>
public sealed class ConversationList : IProjection
{
    /// <inheritdoc />
    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellationToken)
    {
        foreach (var @event in events)
        {
            switch (@event.Data)
            {
                case ConversationStarted started:
                    operations.Execute(
                        """
                        insert into navo_conversations (tenant_id, id, user_id, channel, project_id, started_at, updated_at)
                        values ($1, $2, $3, $4, $5, $6, $6)
                        """,
                        @event.TenantId, @event.StreamId, started.By.UserId, started.Channel, started.ProjectId, @event.Timestamp);
                    break;
                case AssistantReplied replied:
                    operations.Execute(
                        """
                        insert into navo_conversation_replies (tenant_id, conversation_id, message_id, version) values ($1, $2, $3, $4)
                        on conflict (tenant_id, conversation_id, message_id) do update set version = excluded.version
                        """,
                        @event.TenantId, @event.StreamId, replied.MessageId, @event.Version);
                    if (replied.ProjectId is { } project)
                    {
                        operations.Execute(
                            "update navo_conversations set project_id = $3, updated_at = $4 where tenant_id = $1 and id = $2",
                            @event.TenantId, @event.StreamId, project, @event.Timestamp);
                    }

                    break;
                case ProjectLeft left:
                    operations.Execute(
                        "update navo_conversations set project_id = null, updated_at = $4 where tenant_id = $1 and id = $2 and project_id = $3",
                        @event.TenantId, @event.StreamId, left.ProjectId, @event.Timestamp);
                    break;
            }
        }

        return Task.CompletedTask;
    }
}
