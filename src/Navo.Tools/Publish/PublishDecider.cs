using System.Text.Json.Serialization;
using Navo.Tools.Projects;
using Navo.Tools.Sites;

namespace Navo.Tools.Publish;

/// <summary>What <c>publish_site</c> does (design.md section 6), as its JSON argument reads.</summary>
[JsonConverter(typeof(NamedEnumConverter<PublishAction>))]
public enum PublishAction
{
    [JsonStringEnumMemberName("publish")]
    Publish,

    [JsonStringEnumMemberName("rollback")]
    Rollback,

    [JsonStringEnumMemberName("unpublish")]
    Unpublish,
}

/// <summary>A decision: the event to append, or none and why, in a sentence.</summary>
public sealed record PublishDecision(object? Event, string Message)
{
    public static PublishDecision Refused(string message) => new(null, message);
}

/// <summary>
/// Pure decisions for publishing, beside <see cref="Edit.EditDecider"/>: whether a site may go live as it is, what a
/// rollback or an unpublish appends, and what the owner is told. <see cref="PublishService"/> does the rest: the
/// address, the files and the commit.
/// </summary>
public static class PublishDecider
{
    /// <summary>
    /// Why the site cannot go live as it is, or null: there is no site yet, an image shown has no alt text, or an image
    /// is no longer in the project's library (<paramref name="library"/>: the asset ids it holds).
    /// </summary>
    public static string? Blocker(ProjectState project, IReadOnlySet<string> library)
    {
        if (project.Site is not { } site)
        {
            return "There is no site to publish yet.";
        }

        var images = SiteImages.All(site, live: true).ToList();
        if (images.FirstOrDefault(i => i.Image.Alt.Trim().Length == 0) is { } undescribed)
        {
            return $"Before the site goes live, say what {undescribed.Where} shows, for visitors who cannot see it (for example \"{Capitalised(undescribed.Where)} shows our shop front\").";
        }

        return images.FirstOrDefault(i => !library.Contains(i.Image.Asset)) is { } missing
            ? $"{Capitalised(missing.Where)} is no longer in the image library: upload it again, or take it off the site."
            : null;
    }

    /// <summary>What the owner reads when <paramref name="site"/> went live at <paramref name="slug"/>, and what sample content it left out.</summary>
    public static string Published(Site site, string slug, long version) =>
        $"Your site is live at {PublishService.SitePath(slug)} (version {version}).{(SampleContent.LeftOut(site) is { } sample ? $" Sample content stays off the live site until you replace it: {sample}." : string.Empty)}";

    /// <summary>What the owner reads when publishing would put up exactly the files already live: nothing is written.</summary>
    public static string AlreadyLive(string slug, long version) =>
        $"Your site is already live at {PublishService.SitePath(slug)} just as it is now (version {version}): nothing has changed since it was published.";

    /// <summary>Back to <paramref name="version"/>, or to the published version before the live one; the site keeps its address.</summary>
    public static PublishDecision Rollback(ProjectState project, long? version, Actor by)
    {
        var history = project.Published ?? [];
        var target = version is { } v
            ? history.LastOrDefault(p => p.Version == v)
            : history.Where(p => p.Version != project.Live?.Version).LastOrDefault();
        if (target is null)
        {
            return PublishDecision.Refused(version is null ? "There is no earlier published version to go back to." : $"Version {version} was never published.");
        }

        // The pages are the same bytes under any address: the site stays where it is now.
        var slug = project.Live?.Slug ?? project.Slug ?? target.Slug;
        return new(new PublishRolledBack(target.Version, slug, target.Pages, by), $"The live site is back to version {target.Version}.");
    }

    public static PublishDecision Unpublish(ProjectState project, Actor by) => project.Live is { } live
        ? new(new SiteUnpublished(live.Slug, by), $"The site is offline: {PublishService.SitePath(live.Slug)} now answers that it is gone.")
        : PublishDecision.Refused("The site is not published.");

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
