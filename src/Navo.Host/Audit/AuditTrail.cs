using Navo.Agent.Conversations;
using Navo.Agent.Tools;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Navo.Tools.Experiments;
using Navo.Tools.Projects;
using Navo.Tools.Publish;
using Navo.Tools.Suggest;

namespace Navo.Host.Audit;

/// <summary>
/// Writes the audit lines that events already describe, in the append's own transaction: every tool call of a chat
/// turn (by the user who sent the message), and every publish, rollback, unpublish, address and domain change and
/// project deletion, and every suggestion applied or dismissed (by the actor the event names), whichever channel or
/// endpoint caused it.
/// </summary>
public sealed class AuditTrail : IProjection
{
    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellationToken)
    {
        foreach (var @event in events)
        {
            if (Describe(@event, events) is { } record)
            {
                AuditLog.Queue(operations, @event.TenantId, record);
            }
        }

        return Task.CompletedTask;
    }

    private static AuditRecord? Describe(IEvent @event, IReadOnlyList<IEvent> batch) => @event.Data switch
    {
        ToolCallCompleted call => new AuditRecord(SenderOf(call.MessageId, batch), "user", "tool." + call.Name, @event.StreamId.ToString(),
            call.Status switch { ToolStatus.Ok => "ok", ToolStatus.Refused => "denied", _ => "failed" }, new { call.Milliseconds }),
        SitePublished p => AuditRecord.ByUser(p.By.UserId, "site.published", @event.StreamId.ToString(), "ok", new { p.Version, p.Slug, p.By.Channel }),
        PublishRolledBack r => AuditRecord.ByUser(r.By.UserId, "site.rolled_back", @event.StreamId.ToString(), "ok", new { r.ToVersion, r.By.Channel }),
        SiteUnpublished u => AuditRecord.ByUser(u.By.UserId, "site.unpublished", @event.StreamId.ToString(), "ok", new { u.Slug, u.By.Channel }),
        SiteAddressChanged a => AuditRecord.ByUser(a.By.UserId, "site.address_changed", @event.StreamId.ToString(), "ok", new { a.From, a.To }),
        ProjectDeleted d => AuditRecord.ByUser(d.By.UserId, "project.deleted", @event.StreamId.ToString(), "ok", new { d.Name, d.Slug, d.By.Channel }),
        DomainAdded d => AuditRecord.ByUser(d.By.UserId, "domain.added", @event.StreamId.ToString(), "ok", new { d.Host }),
        DomainVerified d => AuditRecord.ByUser(d.By.UserId, "domain.verified", @event.StreamId.ToString(), "ok", new { d.Host }),
        DomainRemoved d => AuditRecord.ByUser(d.By.UserId, "domain.removed", @event.StreamId.ToString(), "ok", new { d.Host }),
        SuggestionApplied a => AuditRecord.ByUser(a.By.UserId, "suggestion.applied", @event.StreamId.ToString(), "ok", new { a.SuggestionId, a.Kind, a.By.Channel }),
        SuggestionDismissed d => AuditRecord.ByUser(d.By.UserId, "suggestion.dismissed", @event.StreamId.ToString(), "ok", new { d.SuggestionId, d.Kind, d.By.Channel }),
        ExperimentStarted x => AuditRecord.ByUser(x.By.UserId, "experiment.started", @event.StreamId.ToString(), "ok", new { x.ExperimentId, x.SectionId, x.Field, x.By.Channel }),
        ExperimentConcluded x => AuditRecord.ByUser(x.By.UserId, "experiment.concluded", @event.StreamId.ToString(), "ok", new { x.ExperimentId, x.Outcome, x.Reason, x.By.Channel }),
        _ => null,
    };

    /// <summary>The user whose message started the turn: it is in the same batch as the turn's tool calls.</summary>
    private static Guid? SenderOf(string messageId, IReadOnlyList<IEvent> batch) =>
        batch.Select(e => e.Data).OfType<UserMessageReceived>().LastOrDefault(m => m.MessageId == messageId)?.By.UserId;
}
