using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Navo.EventStore;
using Navo.Tools.Projects;
using Navo.Tools.Publish;
using Navo.Tools.Sites;

namespace Navo.Tools.Assets;

/// <summary>
/// A project's image library: uploads checked and processed by <see cref="ImageProcessor"/>, their copies stored in
/// the content-addressed site storage (so publishing refers to the same files and an image is stored once), and one
/// row per project and image in <c>navo_assets</c>, under the tenant's row-level security.
/// </summary>
public sealed partial class AssetLibrary(PostgresEventStore store, ISiteStorage storage, ILogger<AssetLibrary> logger)
{
    // Decoding is the memory-hungry step: as many at once as there are cores, the rest wait their turn.
    private static readonly SemaphoreSlim Processing = new(Environment.ProcessorCount);

    /// <summary>
    /// Checks, processes and stores an upload. The same bytes again answer <see cref="AssetOutcome.Existing"/>; a
    /// refused file answers <see cref="AssetOutcome.Invalid"/> with the reason, and nothing is stored.
    /// </summary>
    public async Task<AssetResult> UploadAsync(
        TenantContext tenant, Guid projectId, byte[] bytes, string fileName, string? contentType, CancellationToken cancellationToken = default)
    {
        var id = Convert.ToHexStringLower(SHA256.HashData(bytes));
        // A short look first, so no connection is held while the image is processed.
        await using (var look = store.OpenSession(tenant))
        {
            if (await ProjectService.GetAsync(look, projectId, cancellationToken) is null)
            {
                return new(AssetOutcome.NotFound);
            }

            if (await FindAsync(look, projectId, id, cancellationToken) is { } existing)
            {
                return new(AssetOutcome.Existing, existing);
            }
        }

        var (header, problem) = ImageProcessor.Inspect(bytes, fileName, contentType);
        if (header is null)
        {
            LogRefused(projectId, problem!);
            return new(AssetOutcome.Invalid, Problem: problem);
        }

        IReadOnlyList<ImageVariant> variants;
        await Processing.WaitAsync(cancellationToken);
        try
        {
            variants = await Task.Run(() => ImageProcessor.Process(bytes, header), cancellationToken);
        }
        catch (NetVips.VipsException e)
        {
            LogDamaged(projectId, e.Message);
            return new(AssetOutcome.Invalid, Problem: "The image is damaged and cannot be read. Save it again and try once more.");
        }
        finally
        {
            Processing.Release();
        }

        var stored = new List<StoredVariant>(variants.Count);
        foreach (var variant in variants)
        {
            stored.Add(new(variant.Name, variant.Format, variant.Width, variant.Height, variant.Bytes.Length,
                await storage.PutAsync(variant.Bytes, cancellationToken)));
        }

        var name = CleanName(fileName);
        await using var session = store.OpenSession(tenant);
        await session.QueryAsync(
            """
            insert into navo_assets (tenant_id, project_id, id, file_name, format, width, height, bytes, variants)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb) on conflict do nothing returning 1
            """,
            r => r.GetInt32(0), cancellationToken,
            tenant.TenantId, projectId, id, name, header.Format, header.Width, header.Height, (long)bytes.Length, JsonSerializer.Serialize(stored, Json));
        await session.SaveChangesAsync(cancellationToken);
        LogStored(projectId, id, header.Width, header.Height, stored.Count);
        return new(AssetOutcome.Created, new ImageAsset(id, projectId, name, header.Format, header.Width, header.Height, bytes.Length, stored, DateTimeOffset.UtcNow));
    }

    /// <summary>The project's images, newest first; null when the workspace has no such project.</summary>
    public async Task<IReadOnlyList<ImageAsset>?> ListAsync(TenantContext tenant, Guid projectId, CancellationToken cancellationToken = default)
    {
        await using var session = store.OpenSession(tenant);
        return await ProjectService.GetAsync(session, projectId, cancellationToken) is null ? null : await ListAsync(session, projectId, cancellationToken);
    }

    /// <summary>The project's images in <paramref name="session"/>, newest first.</summary>
    public static Task<IReadOnlyList<ImageAsset>> ListAsync(IEventSession session, Guid projectId, CancellationToken cancellationToken) =>
        session.QueryAsync($"{Select} where tenant_id = $1 and project_id = $2 order by created_at desc, id", Read, cancellationToken, session.Tenant.TenantId, projectId);

    /// <summary>One image of the project, or null.</summary>
    public async Task<ImageAsset?> GetAsync(TenantContext tenant, Guid projectId, string id, CancellationToken cancellationToken = default)
    {
        await using var session = store.OpenSession(tenant);
        return await FindAsync(session, projectId, id, cancellationToken);
    }

    /// <summary>The bytes of one stored copy (<c>640.webp</c>), with its format; null when there is no such image or copy.</summary>
    public async Task<(byte[] Bytes, string Format)?> ReadAsync(TenantContext tenant, Guid projectId, string id, string variant, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(tenant, projectId, id, cancellationToken) is not { } asset
            || asset.Variants.FirstOrDefault(v => v.Name == variant) is not { } stored
            || await storage.GetAsync(stored.Key, cancellationToken) is not { } bytes)
        {
            return null;
        }

        return (bytes, stored.Format);
    }

    /// <summary>
    /// Removes an image from the library. Refused while the current site shows it (take it off first); files no
    /// library and no published version refers to any more are deleted after the commit.
    /// </summary>
    public async Task<AssetResult> DeleteAsync(TenantContext tenant, Guid projectId, string id, CancellationToken cancellationToken = default)
    {
        await using var session = store.OpenSession(tenant);
        if (await ProjectService.GetAsync(session, projectId, cancellationToken) is not { } project
            || await FindAsync(session, projectId, id, cancellationToken) is not { } asset)
        {
            return new(AssetOutcome.NotFound);
        }

        if (project.Site is { } site && SiteImages.All(site).FirstOrDefault(p => p.Image.Asset == id) is { } placed)
        {
            return new(AssetOutcome.InUse, asset, $"The image is on the site as {placed.Where}. Take it off the site first, then delete it.");
        }

        await session.QueryAsync("delete from navo_assets where tenant_id = $1 and project_id = $2 and id = $3 returning 1",
            r => r.GetInt32(0), cancellationToken, tenant.TenantId, projectId, id);
        await session.SaveChangesAsync(cancellationToken);
        await DeleteUnusedAsync(tenant, asset.Variants.Select(v => v.Key), cancellationToken);
        return new(AssetOutcome.Ok, asset);
    }

    /// <summary>Deletes each file that no workspace's library and no published version refers to.</summary>
    public async Task DeleteUnusedAsync(TenantContext tenant, IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        await using var session = store.OpenSession(tenant);
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            if (!(await session.QueryAsync("select navo_file_in_use($1)", r => r.GetBoolean(0), cancellationToken, key))[0])
            {
                await storage.DeleteAsync(key, cancellationToken);
            }
        }
    }

    /// <summary>The oriented sizes of the project's images by id, for <c>set_image</c>.</summary>
    public static async Task<IReadOnlyDictionary<string, (int Width, int Height)>> SizesAsync(IEventSession session, Guid projectId, CancellationToken cancellationToken) =>
        (await session.QueryAsync("select id, width, height from navo_assets where tenant_id = $1 and project_id = $2",
            r => (Id: r.GetString(0), Width: r.GetInt32(1), Height: r.GetInt32(2)), cancellationToken, session.Tenant.TenantId, projectId))
        .ToDictionary(a => a.Id, a => (a.Width, a.Height), StringComparer.Ordinal);

    private static async Task<ImageAsset?> FindAsync(IEventSession session, Guid projectId, string id, CancellationToken cancellationToken) =>
        ImageRef.IsAssetId(id)
            ? (await session.QueryAsync($"{Select} where tenant_id = $1 and project_id = $2 and id = $3", Read, cancellationToken, session.Tenant.TenantId, projectId, id)).FirstOrDefault()
            : null;

    private const string Select = "select id, project_id, file_name, format, width, height, bytes, variants::text, created_at from navo_assets";

    private static ImageAsset Read(System.Data.Common.DbDataReader r) =>
        new(r.GetString(0), r.GetGuid(1), r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetInt32(5), r.GetInt64(6),
            JsonSerializer.Deserialize<List<StoredVariant>>(r.GetString(7), Json)!, r.GetFieldValue<DateTimeOffset>(8));

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The file's own name, without any folder a browser sent, control characters or more than 255 characters.</summary>
    private static string CleanName(string fileName)
    {
        var name = new string([.. Path.GetFileName(fileName.Replace('\\', '/')).Where(c => !TextChecks.IsHidden(c))]).Trim();
        return name.Length == 0 ? "image" : name.Length > 255 ? name[..255] : name;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Image {AssetId} stored for project {ProjectId}: {Width}x{Height}, {Variants} copies")]
    private partial void LogStored(Guid projectId, string assetId, int width, int height, int variants);

    [LoggerMessage(Level = LogLevel.Information, Message = "Upload refused for project {ProjectId}: {Reason}")]
    private partial void LogRefused(Guid projectId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upload for project {ProjectId} could not be decoded: {Reason}")]
    private partial void LogDamaged(Guid projectId, string reason);
}
