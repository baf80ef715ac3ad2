using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Navo.EventStore;
using Navo.Host.Audit;
using Navo.Host.Database;
using Navo.Host.Identity;
using Navo.Tools.Publish;

namespace Navo.Host.DataRights;

/// <summary>
/// Everything a workspace holds, as a zip of JSON plus its published files: the workspace and its members, every
/// stream's events (projects, conversations) exactly as stored, leads, API keys (never their secrets), domains,
/// the audit log, and <c>sites/{key}.html</c> for every page ever published.
/// </summary>
public sealed class WorkspaceExport(PostgresEventStore store, NavoDatabase database, Accounts accounts, ApiKeys apiKeys, ISiteStorage storage)
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerOptions.Web) { WriteIndented = true };

    public async Task<byte[]> WriteAsync(TenantContext tenant, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var session = store.OpenSession(tenant);
            var events = await session.QueryAsync(
                "select stream_id, version, type, timestamp, data::text from mt_events order by seq_id",
                r => (Stream: r.GetGuid(0), Version: r.GetInt64(1), Type: r.GetString(2), At: r.GetFieldValue<DateTimeOffset>(3), Data: r.GetString(4)),
                cancellationToken);
            var streams = await session.QueryAsync("select id, coalesce(type, '') from mt_streams", r => (Id: r.GetGuid(0), Type: r.GetString(1)), cancellationToken);
            foreach (var stream in streams)
            {
                var folder = stream.Type.Contains("conversation", StringComparison.OrdinalIgnoreCase) ? "conversations" : "projects";
                var lines = new JsonArray([.. events.Where(e => e.Stream == stream.Id).Select(e => (JsonNode)new JsonObject
                {
                    ["version"] = e.Version, ["type"] = e.Type, ["at"] = e.At, ["data"] = JsonNode.Parse(e.Data),
                })]);
                Add(zip, $"{folder}/{stream.Id}/events.json", lines);
            }

            Add(zip, "leads.json", await session.QueryAsync(
                "select id, project_id, name, email, message, created_at from navo_leads order by created_at",
                r => new { Id = r.GetGuid(0), ProjectId = r.GetGuid(1), Name = r.GetString(2), Email = r.GetString(3), Message = r.GetString(4), CreatedAt = r.GetFieldValue<DateTimeOffset>(5) },
                cancellationToken));
            Add(zip, "audit.json", await AuditLog.RangeAsync(session, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, cancellationToken));
            Add(zip, "members.json", await accounts.MembersAsync(tenant.TenantId, cancellationToken));
            Add(zip, "api-keys.json", await apiKeys.ListAsync(tenant.TenantId, cancellationToken));
            Add(zip, "workspace.json", await WorkspaceAsync(tenant.TenantId, cancellationToken));

            foreach (var key in PublishedFiles(events.Select(e => (e.Type, e.Data))))
            {
                if (await storage.GetAsync(key, cancellationToken) is { } bytes)
                {
                    var entry = zip.CreateEntry($"sites/{key}.html", CompressionLevel.Optimal);
                    await using var stream = await entry.OpenAsync(cancellationToken);
                    await stream.WriteAsync(bytes, cancellationToken);
                }
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The stored file of every page a workspace ever published, from its publish events.</summary>
    public static IReadOnlySet<string> PublishedFiles(IEnumerable<(string Type, string Data)> events) =>
        events.Where(e => e.Type is "site_published" or "publish_rolled_back")
            .SelectMany(e => JsonNode.Parse(e.Data)?["pages"]?.AsObject().Select(p => p.Value?.GetValue<string>()) ?? [])
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

    private async Task<object?> WorkspaceAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        return await connection.SingleOrDefaultAsync(
            "select id, name, created_at from navo_tenants where id = $1",
            r => new { Id = r.GetString(0), Name = r.GetString(1), CreatedAt = r.GetFieldValue<DateTimeOffset>(2), ExportedAt = DateTimeOffset.UtcNow },
            cancellationToken, tenantId);
    }

    private static void Add<T>(ZipArchive zip, string name, T content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        using var stream = entry.Open();
        JsonSerializer.Serialize(stream, content, Indented);
    }
}
