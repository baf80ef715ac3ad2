using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Navo.EventStore;
using Navo.Host.Audit;
using Navo.Host.Database;
using Navo.Host.Identity;
using Navo.Tools.Assets;
using Navo.Tools.Publish;

namespace Navo.Host.DataRights;

/// <summary>
/// Everything a workspace holds, as a zip of JSON plus its published files: the workspace and its members, every
/// stream's events (projects, conversations) exactly as stored, leads, API keys (never their secrets), domains,
/// the audit log, <c>sites/{key}.html</c> for every page ever published (<c>.webp</c>/<c>.jpg</c> for its images), and
/// the image library: <c>images.json</c> and <c>images/{project}/{image}/{width}.{webp|jpg}</c>.
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

            foreach (var (key, extension) in PublishedFiles(events.Select(e => (e.Type, e.Data))))
            {
                await AddFileAsync(zip, $"sites/{key}{extension}", key, cancellationToken);
            }

            var images = await session.QueryAsync("select distinct project_id from navo_assets", r => r.GetGuid(0), cancellationToken);
            var library = new List<ImageAsset>();
            foreach (var project in images)
            {
                library.AddRange(await AssetLibrary.ListAsync(session, project, cancellationToken));
            }

            Add(zip, "images.json", library);
            foreach (var asset in library)
            {
                foreach (var variant in asset.Variants)
                {
                    await AddFileAsync(zip, $"images/{asset.ProjectId}/{asset.Id}/{variant.Name}", variant.Key, cancellationToken);
                }
            }
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// The stored file of every page and image a workspace ever published, from its publish events, with the extension
    /// its kind of file takes (<c>.html</c>, <c>.webp</c>, <c>.jpg</c>).
    /// </summary>
    public static IReadOnlyDictionary<string, string> PublishedFiles(IEnumerable<(string Type, string Data)> events)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        // An experiment's variant pages are files of the site as well, rendered from a published version.
        foreach (var (path, key) in events.Where(e => e.Type is "site_published" or "publish_rolled_back" or "experiment_started")
            .SelectMany(e => JsonNode.Parse(e.Data)?[e.Type == "experiment_started" ? "variantPages" : "pages"]?.AsObject()
                .Select(p => (p.Key, p.Value?.GetValue<string>())) ?? []))
        {
            if (key is not null)
            {
                files[key] = path.StartsWith(PublishService.ImagePathPrefix, StringComparison.Ordinal) ? Path.GetExtension(path) : ".html";
            }
        }

        return files;
    }

    private async Task AddFileAsync(ZipArchive zip, string name, string key, CancellationToken cancellationToken)
    {
        if (await storage.GetAsync(key, cancellationToken) is { } bytes)
        {
            // Images are compressed already.
            var entry = zip.CreateEntry(name, name.EndsWith(".html", StringComparison.Ordinal) ? CompressionLevel.Optimal : CompressionLevel.NoCompression);
            await using var stream = await entry.OpenAsync(cancellationToken);
            await stream.WriteAsync(bytes, cancellationToken);
        }
    }

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
