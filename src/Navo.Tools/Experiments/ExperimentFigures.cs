using Navo.EventStore;

namespace Navo.Tools.Experiments;

/// <summary>
/// Reads an experiment's figures from <c>navo_analytics_events</c> in the caller's tenant session: the visits while it
/// ran, each visitor of the day put in the arm <see cref="ExperimentArms"/> gives them. A view is a visitor who saw a
/// page; a conversion is one of them who clicked the hero or call-to-action button or sent the contact form (the form
/// counted when the server received it, like every form).
/// </summary>
public static class ExperimentFigures
{
    /// <summary>The original's and the variant's figures; zeros for an experiment this workspace does not have.</summary>
    public static async Task<(ArmFigures Original, ArmFigures Variant)> ReadAsync(IEventSession session, Guid experimentId, CancellationToken cancellationToken = default)
    {
        var rows = await session.QueryAsync(
            """
            with e as (
                select project_id, started_at, coalesce(ended_at, now()) as ended_at
                  from navo_experiments where tenant_id = $1 and id = $2),
            v as (
                select get_byte(sha256(a.visitor || $3::bytea), 0) & 1 as arm,
                       bool_or(a.kind = 1) as viewed, bool_or(a.kind in (2, 3, 4)) as converted
                  from navo_analytics_events a join e on a.project_id = e.project_id
                 where a.tenant_id = $1
                   and a.day between (e.started_at at time zone 'UTC')::date and (e.ended_at at time zone 'UTC')::date
                   and a.at >= e.started_at and a.at <= e.ended_at
                 group by a.visitor)
            select arm, count(*) filter (where viewed), count(*) filter (where viewed and converted) from v group by arm
            """,
            r => (Arm: r.GetInt32(0), Views: r.GetInt64(1), Conversions: r.GetInt64(2)),
            cancellationToken, session.Tenant.TenantId, experimentId, ExperimentArms.IdBytes(experimentId));
        ArmFigures Arm(int arm) => rows.FirstOrDefault(r => r.Arm == arm) is { Views: var views, Conversions: var conversions } && views > 0
            ? new(views, conversions)
            : new(0, 0);
        return (Arm(0), Arm(1));
    }
}
