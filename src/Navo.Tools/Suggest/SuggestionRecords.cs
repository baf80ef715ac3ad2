using Navo.EventStore;

namespace Navo.Tools.Suggest;

/// <summary>Reads <c>navo_suggestions</c> in the caller's tenant session: what was surfaced, applied and dismissed, per kind.</summary>
public static class SuggestionRecords
{
    /// <summary>
    /// Per kind, for the workspace or (with <paramref name="projectId"/>) one site, counting the suggestions proposed on
    /// or after <paramref name="since"/> (all of them when null), each as it stands now.
    /// </summary>
    public static Task<IReadOnlyList<KindRecord>> ReadAsync(IEventSession session, Guid? projectId, DateOnly? since, CancellationToken cancellationToken = default) =>
        session.QueryAsync(
            """
            select kind, count(*), count(*) filter (where status = 'applied'), count(*) filter (where status = 'dismissed')
              from navo_suggestions
             where tenant_id = $1 and ($2::uuid is null or project_id = $2::uuid) and ($3::date is null or proposed_at >= $3::date)
             group by kind order by kind
            """,
            r => new KindRecord(r.GetString(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3)),
            cancellationToken, session.Tenant.TenantId, (object?)projectId ?? DBNull.Value, (object?)since ?? DBNull.Value);
}
