using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Navo.EventStore;

namespace Navo.Tools.Suggest;

/// <summary>Keeps <c>navo_suggestions</c> in the append's transaction: a row per suggestion proposed, marked when applied or dismissed.</summary>
public sealed class SuggestionList : IProjection
{
    /// <inheritdoc />
    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellationToken)
    {
        foreach (var @event in events)
        {
            switch (@event.Data)
            {
                case SuggestionsProposed proposed:
                    foreach (var suggestion in proposed.Suggestions)
                    {
                        operations.Execute(
                            """
                            insert into navo_suggestions (tenant_id, project_id, id, kind, key, title, status, proposed_at)
                            values ($1, $2, $3, $4, $5, $6, 'open', $7)
                            """,
                            @event.TenantId, @event.StreamId, suggestion.Id, suggestion.Kind, suggestion.Key, suggestion.Title, @event.Timestamp);
                    }

                    break;
                case SuggestionApplied applied:
                    operations.Execute(
                        "update navo_suggestions set status = 'applied', decided_at = $3, version = $4 where tenant_id = $1 and id = $2",
                        @event.TenantId, applied.SuggestionId, @event.Timestamp, @event.Version);
                    break;
                case SuggestionDismissed dismissed:
                    operations.Execute(
                        "update navo_suggestions set status = 'dismissed', decided_at = $3 where tenant_id = $1 and id = $2",
                        @event.TenantId, dismissed.SuggestionId, @event.Timestamp);
                    break;
            }
        }

        return Task.CompletedTask;
    }
}
