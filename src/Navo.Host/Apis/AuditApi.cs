using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;
using Navo.Channels;
using Navo.EventStore;
using Navo.Host.Audit;
using Navo.Host.Identity;

namespace Navo.Host.Apis;

/// <summary><c>/api/v1/audit</c>: the workspace's audit log, paged, and its export as CSV or JSON (owners only).</summary>
public static class AuditApi
{
    public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, long? Next);

    /// <summary>The widest export: a year.</summary>
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(366);

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/audit").WithTags("Audit").RequireAuthorization(Policies.Owner);
        group.MapGet("/", PageAsync).WithName("ReadAudit");
        group.MapGet("/export", ExportAsync).WithName("ExportAudit");
        return app;
    }

    /// <summary>Newest first; <c>next</c> is the <c>before</c> of the following page.</summary>
    public static async Task<Results<Ok<AuditPage>, ProblemHttpResult>> PageAsync(
        long? before, int? limit, HttpContext http, PostgresEventStore store, ITenantResolver tenants, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > 200 || before is < 1)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The page is not valid.",
                detail: "limit is 1 to 200 (default 50); before is an entry id from the previous page.");
        }

        await using var session = store.OpenSession(tenants.Resolve(http));
        var take = limit ?? 50;
        var entries = await AuditLog.PageAsync(session, before, take, cancellationToken);
        return TypedResults.Ok(new AuditPage(entries, entries.Count == take ? entries[^1].Id : null));
    }

    /// <summary>Everything from <c>from</c> to <c>to</c> (default: the last 30 days) as CSV or JSON; the export itself is audited.</summary>
    public static async Task<IResult> ExportAsync(
        string? format, DateTimeOffset? from, DateTimeOffset? to, HttpContext http, PostgresEventStore store, ITenantResolver tenants, AuditLog audit,
        CancellationToken cancellationToken)
    {
        var end = to ?? DateTimeOffset.UtcNow;
        var start = from ?? end.AddDays(-30);
        if (format is not ("csv" or "json") || start >= end || end - start > MaxRange)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The export is not valid.",
                detail: "format is csv or json; from and to are ISO 8601 times with from before to, at most a year apart.");
        }

        var tenant = tenants.Resolve(http);
        IReadOnlyList<AuditEntry> entries;
        await using (var session = store.OpenSession(tenant))
        {
            entries = await AuditLog.RangeAsync(session, start, end, cancellationToken);
        }

        await audit.WriteAsync(tenant.TenantId, new AuditRecord(tenant.UserId, AuditedAuthorizationResultHandler.Kind(http), "audit.exported", null, "ok",
            new { format, from = start, to = end, entries = entries.Count }), cancellationToken);
        var name = $"audit-{start:yyyyMMdd}-{end:yyyyMMdd}.{format}";
        return format == "csv"
            ? TypedResults.File(Csv(entries), "text/csv; charset=utf-8", name)
            : TypedResults.File(JsonSerializer.SerializeToUtf8Bytes(entries, JsonSerializerOptions.Web), "application/json", name);
    }

    public static readonly string[] CsvHeader = ["id", "at", "actor_id", "actor_kind", "action", "target", "outcome", "detail"];

    private static byte[] Csv(IReadOnlyList<AuditEntry> entries)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
        using (var csv = CsvWriter.Create(writer, new CsvWriterOptions(), leaveOpen: true))
        {
            csv.WriteRecord(CsvHeader);
            foreach (var e in entries)
            {
                csv.WriteRecord([
                    e.Id.ToString(CultureInfo.InvariantCulture), e.At.ToString("O", CultureInfo.InvariantCulture), e.ActorId?.ToString() ?? string.Empty,
                    e.ActorKind, e.Action, e.Target ?? string.Empty, e.Outcome, e.Detail?.GetRawText() ?? string.Empty,
                ]);
            }
        }

        return buffer.ToArray();
    }
}
