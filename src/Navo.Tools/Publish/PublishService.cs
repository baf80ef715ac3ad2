using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;
using Navo.EventStore;
using Navo.Tools.Assets;
using Navo.Tools.Projects;
using Navo.Tools.Rendering;
using Navo.Tools.Sites;
using Npgsql;

namespace Navo.Tools.Publish;

/// <summary>
/// Fault injection for crash tests (<c>Navo:Faults:CrashAfterPublishFiles</c>): what to do between storing the
/// files and committing the pointer. Never set in normal operation.
/// </summary>
public sealed class PublishFaults
{
    public Action? AfterFilesStored { get; init; }
}

/// <summary>
/// The result of a publish, rollback, unpublish or address change: what is live now, or why nothing changed.
/// <see cref="Changed"/> is false when the request asked for what already was.
/// </summary>
public sealed record PublishOutcome(ProjectOutcome Outcome, ProjectState? Project, string Message, bool Changed = false);

/// <summary>
/// Publishing: every page is rendered and stored as a content-addressed file first; then one transaction appends
/// <see cref="SitePublished"/> and flips the live pointer (the <see cref="LiveSites"/> projection). A crash before
/// that commit leaves the old site live and at worst a few unreferenced files; publishing again completes. A storage
/// that cannot take the files (full, read-only, gone) commits nothing either: the owner is told so in a sentence
/// (<see cref="StorageFailed"/>), and the operator finds the failure in the log.
/// </summary>
public sealed partial class PublishService(PostgresEventStore store, ISiteStorage storage, PublishFaults? faults = null, ILogger<PublishService>? logger = null)
{
    /// <summary>What the owner is told when the site storage cannot take a publish's files.</summary>
    public const string StorageFailed = "I couldn't publish the new version: the storage for published sites is full or can't be written to right now. "
        + "Your site stays live as it was. Please try again later, and tell whoever runs Navo if it keeps happening.";

    public Task<PublishOutcome> RunAsync(
        TenantContext tenant, Guid projectId, PublishAction action, long? version, Actor by, CancellationToken cancellationToken = default) =>
        SaveAsync(tenant, projectId, (session, project) => DecideAsync(session, project, action, version, by, null, cancellationToken), cancellationToken);

    /// <summary>Decides and queues a publish, rollback or unpublish in <paramref name="session"/>; the caller saves.</summary>
    public async Task<PublishOutcome> RunAsync(
        IEventSession session, Guid projectId, PublishAction action, long? version, Actor by, IProgress<StepProgress>? progress, CancellationToken cancellationToken) =>
        await ProjectService.GetAsync(session, projectId, cancellationToken) is { } project
            ? await DecideAsync(session, project, action, version, by, progress, cancellationToken)
            : NotFound;

    private async Task<PublishOutcome> DecideAsync(
        IEventSession session, ProjectState project, PublishAction action, long? version, Actor by, IProgress<StepProgress>? progress, CancellationToken cancellationToken) =>
        await FollowExperimentAsync(session, action switch
        {
            PublishAction.Publish => await PublishAsync(session, project, by, progress, cancellationToken),
            PublishAction.Rollback => Queue(session, project, PublishDecider.Rollback(project, version, by)),
            PublishAction.Unpublish => Queue(session, project, PublishDecider.Unpublish(project, by)),
            _ => new(ProjectOutcome.Invalid, project, "The action is publish, rollback or unpublish."),
        }, by, cancellationToken);

    /// <summary>
    /// Gives the site the address <c>/s/{slug}/</c>. A live site moves at once (its pages hold only relative links,
    /// so no file changes); the old address is freed. Reserved words and addresses other sites hold are refused.
    /// </summary>
    public Task<PublishOutcome> ChangeAddressAsync(TenantContext tenant, Guid projectId, string? slug, Actor by, CancellationToken cancellationToken = default) =>
        SaveAsync(tenant, projectId, async (session, project) =>
        {
            // Lower-cased only when plain ASCII: a look-alike (Cyrillic а, full-width ａ, the Kelvin sign) is refused, not
            // turned into a letter the owner did not type.
            var wanted = slug?.Trim() is { } typed && System.Text.Ascii.IsValid(typed) ? typed.ToLowerInvariant() : slug?.Trim();
            if (Slugs.Problem(wanted) is { } problem)
            {
                return new(ProjectOutcome.Invalid, project, problem);
            }

            var current = project.Slug ?? project.Site?.Slug ?? string.Empty;
            if (wanted == current)
            {
                return new(ProjectOutcome.Ok, project, $"The site's address is already {SitePath(current)}.");
            }

            return await IsTakenAsync(session, wanted!, project.Id, cancellationToken)
                ? new(ProjectOutcome.Conflict, project, $"Another site already uses {SitePath(wanted!)}. Choose another address.")
                : Queue(session, project, new SiteAddressChanged(current, wanted!, by), project.Live is null
                    ? $"The site will be published at {SitePath(wanted!)}."
                    : $"The site now answers at {SitePath(wanted!)}; {SitePath(current)} is free.");
        }, cancellationToken);

    /// <summary>Loads the project, decides, and commits what the decision queued: one session, one transaction.</summary>
    private async Task<PublishOutcome> SaveAsync(
        TenantContext tenant, Guid projectId, Func<IEventSession, ProjectState, Task<PublishOutcome>> decide, CancellationToken cancellationToken)
    {
        await using var session = store.OpenSession(tenant);
        if (await ProjectService.GetAsync(session, projectId, cancellationToken) is not { } project)
        {
            return NotFound;
        }

        var outcome = await decide(session, project);
        if (outcome.Outcome != ProjectOutcome.Ok)
        {
            return outcome;
        }

        try
        {
            await session.SaveChangesAsync(cancellationToken);
            return outcome;
        }
        catch (ConcurrencyException)
        {
            return new(ProjectOutcome.VersionMoved, outcome.Project, "The site changed while it was being published. Try again.");
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Another workspace took the address between the check and the commit.
            return new(ProjectOutcome.Conflict, outcome.Project, "Another site took that address a moment ago. Choose another.");
        }
    }

    private async Task<PublishOutcome> PublishAsync(
        IEventSession session, ProjectState project, Actor by, IProgress<StepProgress>? progress, CancellationToken cancellationToken)
    {
        var library = (await AssetLibrary.ListAsync(session, project.Id, cancellationToken)).ToDictionary(a => a.Id, StringComparer.Ordinal);
        if (PublishDecider.Blocker(project, library.Keys.ToHashSet(StringComparer.Ordinal)) is { } blocker)
        {
            return new(ProjectOutcome.Invalid, project, blocker);
        }

        var site = project.Site!;
        var images = SiteImages.All(site, live: true).ToList();

        var total = site.Pages.Count + 2;
        var steps = new Dictionary<string, double>(StringComparer.Ordinal);
        var started = Stopwatch.GetTimestamp();

        var step = Stopwatch.GetTimestamp();
        var slug = await FreeSlugAsync(session, project, cancellationToken);
        steps["address"] = Milliseconds(step);
        progress?.Report(new StepProgress("address", 1, total));

        step = Stopwatch.GetTimestamp();
        var files = site.Pages.Select(page => (page.Path, Bytes: Encoding.UTF8.GetBytes(SiteRenderer.RenderPage(site, page, RenderOptions.Live)))).ToList();
        steps["render"] = Milliseconds(step);
        progress?.Report(new StepProgress("render", 2, total));

        // The images go with the site: their stored copies, under addresses that never change (the asset is a hash).
        var pages = files.ToDictionary(f => f.Path, f => ISiteStorage.KeyOf(f.Bytes), StringComparer.Ordinal);
        foreach (var asset in images.Select(i => i.Image.Asset).Distinct(StringComparer.Ordinal))
        {
            foreach (var variant in library[asset].Variants)
            {
                pages[$"{ImagePathPrefix}{asset}/{variant.Name}"] = variant.Key;
            }
        }

        if (project.Live is { } live && live.Slug == slug && SameFiles(live.Pages, pages))
        {
            // The same bytes at the same address: a new version would change nothing a visitor sees.
            return new(ProjectOutcome.Ok, project, PublishDecider.AlreadyLive(slug, live.Version));
        }

        step = Stopwatch.GetTimestamp();
        var stored = 0;
        try
        {
            foreach (var (path, bytes) in files)
            {
                await storage.PutAsync(bytes, cancellationToken);
                progress?.Report(new StepProgress($"store {path}", ++stored + 2, total));
            }
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            // Nothing is queued: the pointer stays on the old version. Files stored before the failure are whole, and
            // unreferenced until a publish that needs them.
            if (logger is not null)
            {
                LogStorageFailed(logger, project.Id, failure);
            }

            return new(ProjectOutcome.Unavailable, project, StorageFailed);
        }

        steps["store"] = Milliseconds(step);
        faults?.AfterFilesStored?.Invoke();
        var published = new SitePublished(project.Version, slug, pages, Milliseconds(started), by, steps);
        return Queue(session, project, published, PublishDecider.Published(site, slug, project.Version));
    }

    private static bool SameFiles(IReadOnlyDictionary<string, string> live, Dictionary<string, string> pages) =>
        live.Count == pages.Count && live.All(file => pages.TryGetValue(file.Key, out var key) && key == file.Value);

    private static PublishOutcome Queue(IEventSession session, ProjectState project, object @event, string message) =>
        Queue(session, project, new PublishDecision(@event, message));

    /// <summary>Appends the decision's event, or answers why there is none.</summary>
    private static PublishOutcome Queue(IEventSession session, ProjectState project, PublishDecision decision)
    {
        if (decision.Event is not { } @event)
        {
            return new(ProjectOutcome.Invalid, project, decision.Message);
        }

        session.Append(project.Id, project.Version, @event);
        return new(ProjectOutcome.Ok, project.Apply(@event, project.Version + 1), decision.Message, Changed: true);
    }

    /// <summary>
    /// The address to publish at: the one the site has (its own, or the one its owner chose), or for a first publish
    /// the draft's slug, or its first free variant ("rosas-bakery-2") when another site holds it.
    /// </summary>
    private static async Task<string> FreeSlugAsync(IEventSession session, ProjectState project, CancellationToken cancellationToken)
    {
        if (project.Live?.Slug is { } current)
        {
            return current;
        }

        var wanted = project.Slug ?? project.Site?.Slug ?? string.Empty;
        if (wanted.Length < 3 || Slugs.IsReserved(wanted))
        {
            wanted = (wanted + "-site").TrimStart('-');
        }

        var stem = wanted.Length > Slugs.MaxLength - 4 ? wanted[..(Slugs.MaxLength - 4)].TrimEnd('-') : wanted;
        var slug = wanted;
        for (var n = 2; await IsTakenAsync(session, slug, project.Id, cancellationToken); n++)
        {
            slug = $"{stem}-{n}";
        }

        return slug;
    }

    /// <summary>Whether another project, of any workspace, holds <paramref name="slug"/>.</summary>
    private static async Task<bool> IsTakenAsync(IEventSession session, string slug, Guid projectId, CancellationToken cancellationToken) =>
        (await session.QueryAsync("select navo_slug_taken($1, $2)", r => r.GetBoolean(0), cancellationToken, slug, projectId))[0];

    private static double Milliseconds(long since) => Math.Round(Stopwatch.GetElapsedTime(since).TotalMilliseconds, 3);

    private static readonly PublishOutcome NotFound = new(ProjectOutcome.NotFound, null, "There is no such site in this workspace.");

    public static string SitePath(string slug) => $"/s/{slug}/";

    /// <summary>Where a live site's images are, among its files: <c>/_navo/img/{asset}/{width}.{webp|jpg}</c>.</summary>
    public const string ImagePathPrefix = "/_navo/img/";

    [LoggerMessage(Level = LogLevel.Error, Message = "Publishing project {ProjectId} failed: the site storage could not take its files")]
    private static partial void LogStorageFailed(ILogger logger, Guid projectId, Exception failure);
}
