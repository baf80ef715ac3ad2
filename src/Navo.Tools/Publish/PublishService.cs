using System.Diagnostics;
using System.Text;
using Navo.EventStore;
using Navo.Tools.Projects;
using Navo.Tools.Rendering;

namespace Navo.Tools.Publish;

/// <summary>
/// Fault injection for crash tests (<c>Navo:Faults:CrashAfterPublishFiles</c>): what to do between storing the
/// files and committing the pointer. Never set in normal operation.
/// </summary>
public sealed class PublishFaults
{
    public Action? AfterFilesStored { get; init; }
}

/// <summary>The result of a publish, rollback or unpublish: what is live now, or why nothing changed.</summary>
public sealed record PublishOutcome(ProjectOutcome Outcome, ProjectState? Project, string Message);

/// <summary>
/// Publishing: every page is rendered and stored as a content-addressed file first; then one transaction appends
/// <see cref="SitePublished"/> and flips the live pointer (the <see cref="LiveSites"/> projection). A crash before
/// that commit leaves the old site live and at worst a few unreferenced files; publishing again completes.
/// </summary>
public sealed class PublishService(PostgresEventStore store, ISiteStorage storage, PublishFaults? faults = null)
{
    public async Task<PublishOutcome> RunAsync(TenantContext tenant, Guid projectId, string action, long? version, Actor by, CancellationToken cancellationToken = default)
    {
        await using var session = store.OpenSession(tenant);
        var outcome = await RunAsync(session, projectId, action, version, by, cancellationToken);
        if (outcome.Outcome == ProjectOutcome.Ok)
        {
            try
            {
                await session.SaveChangesAsync(cancellationToken);
            }
            catch (ConcurrencyException)
            {
                return new(ProjectOutcome.VersionMoved, outcome.Project, "The site changed while it was being published. Try again.");
            }
        }

        return outcome;
    }

    /// <summary>Decides and queues a publish, rollback or unpublish in <paramref name="session"/>; the caller saves.</summary>
    public async Task<PublishOutcome> RunAsync(IEventSession session, Guid projectId, string action, long? version, Actor by, CancellationToken cancellationToken)
    {
        if (await ProjectService.GetAsync(session, projectId, cancellationToken) is not { } project)
        {
            return new(ProjectOutcome.NotFound, null, "There is no such site in this workspace.");
        }

        return action switch
        {
            "publish" => await PublishAsync(session, project, by, cancellationToken),
            "rollback" => Rollback(session, project, version, by),
            "unpublish" => project.Live is { } live
                ? Queue(session, project, new SiteUnpublished(live.Slug, by), $"The site is offline: {SitePath(live.Slug)} now answers that it is gone.")
                : new(ProjectOutcome.Invalid, project, "The site is not published."),
            _ => new(ProjectOutcome.Invalid, project, "The action is publish, rollback or unpublish."),
        };
    }

    private async Task<PublishOutcome> PublishAsync(IEventSession session, ProjectState project, Actor by, CancellationToken cancellationToken)
    {
        if (project.Site is not { } site)
        {
            return new(ProjectOutcome.Invalid, project, "There is no site to publish yet.");
        }

        var started = Stopwatch.GetTimestamp();
        var slug = await FreeSlugAsync(session, project, site.Slug.Length > 0 ? site.Slug : "site", cancellationToken);
        var pages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var page in site.Pages)
        {
            var html = SiteRenderer.RenderPage(site, page, LiveOptions(slug));
            pages[page.Path] = await storage.PutAsync(Encoding.UTF8.GetBytes(html), cancellationToken);
        }

        faults?.AfterFilesStored?.Invoke();
        var published = new SitePublished(project.Version, slug, pages, Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 3), by);
        return Queue(session, project, published, $"Your site is live at {SitePath(slug)} (version {project.Version}).");
    }

    private static PublishOutcome Rollback(IEventSession session, ProjectState project, long? version, Actor by)
    {
        var history = project.Published ?? [];
        var target = version is { } v
            ? history.LastOrDefault(p => p.Version == v)
            : history.Where(p => p.Version != project.Live?.Version).LastOrDefault();
        if (target is null)
        {
            return new(ProjectOutcome.Invalid, project, version is null
                ? "There is no earlier published version to go back to."
                : $"Version {version} was never published.");
        }

        return Queue(session, project, new PublishRolledBack(target.Version, target.Slug, target.Pages, by),
            $"The live site is back to version {target.Version}.");
    }

    private static PublishOutcome Queue(IEventSession session, ProjectState project, object @event, string message)
    {
        session.Append(project.Id, project.Version, @event);
        return new(ProjectOutcome.Ok, project.Apply(@event, project.Version + 1), message);
    }

    /// <summary>The site's slug, or the first free variant of it ("rosas-bakery-2") when another site holds it.</summary>
    private static async Task<string> FreeSlugAsync(IEventSession session, ProjectState project, string wanted, CancellationToken cancellationToken)
    {
        if (project.Live?.Slug is { } current && current.StartsWith(wanted, StringComparison.Ordinal))
        {
            return current;
        }

        var slug = Reserved.Contains(wanted) ? wanted + "-site" : wanted;
        for (var n = 2; (await session.QueryAsync("select navo_slug_taken($1, $2)", r => r.GetBoolean(0), cancellationToken, slug, project.Id))[0]; n++)
        {
            slug = $"{wanted}-{n}";
        }

        return slug;
    }

    private static readonly HashSet<string> Reserved = new(["api", "admin", "studio", "preview", "s", "www", "navo", "health", "openapi", "login", "static"], StringComparer.Ordinal);

    /// <summary>How a live page is rendered: links under <c>/s/{slug}</c>, forms posting to the site's form endpoint.</summary>
    public static RenderOptions LiveOptions(string slug) => new($"/s/{slug}", $"/s/{slug}/_navo/form");

    public static string SitePath(string slug) => $"/s/{slug}/";
}
