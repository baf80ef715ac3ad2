using System.Globalization;
using System.Text.Json.Nodes;
using Navo.Agent.Tools;
using Navo.Tools.Sites;

namespace Navo.Agent.Conversations;

/// <summary>
/// What Navo asks before a call that needs the user's yes, each in its own words, so that a yes is an answer to
/// exactly that: publishing, taking the site offline, putting an earlier version live, deleting a site, removing pages.
/// </summary>
public static class ApprovalQuestions
{
    /// <summary>
    /// The question for a call of <paramref name="tool"/> about the current site, if any. Publishing a site that still
    /// has sample content says, in the same question, what the live site leaves out.
    /// </summary>
    public static string For(string tool, IDictionary<string, object?>? arguments, Site? site)
    {
        var siteName = site?.Name;
        return tool switch
    {
        "publish_site" => NavoTools.Argument(arguments, "action") switch
        {
            "unpublish" => $"Take {(string.IsNullOrWhiteSpace(siteName) ? "the site" : siteName)} offline? Visitors will see that it is gone until you publish again. Reply yes or no.",
            "rollback" => long.TryParse(NavoTools.Argument(arguments, "version") as string, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
                ? $"Put version {version} live again? Reply yes or no."
                : "Put the previously published version live again? Reply yes or no.",
            _ => site is not null && SampleContent.LeftOut(site) is { } leftOut
                ? $"Publish the site now, so anyone can see it? It still has sample content, which the live site leaves out until you replace it: {leftOut}. Reply yes or no."
                : "Publish the site now, so anyone can see it? Reply yes or no.",
        },
        "delete_project" => $"Delete the site \"{NavoTools.Argument(arguments, "name") as string}\" and everything in it? This cannot be undone. Reply yes or no.",
        _ => $"Remove the page \"{string.Join("\", \"", RemovedPages(arguments))}\" and everything on it? Reply yes or no.",
        };
    }

    /// <summary>
    /// Why a call cannot go ahead whatever the answer, so nothing is asked: publishing while an image the live site
    /// shows has no alt text (publishing would refuse it). Null when the question can be asked.
    /// </summary>
    public static string? Blocker(string tool, IDictionary<string, object?>? arguments, Site? site) =>
        tool == "publish_site" && NavoTools.Argument(arguments, "action") is null or "publish" && site is not null
            && SiteImages.All(site, live: true).FirstOrDefault(i => i.Image.Alt.Trim().Length == 0) is { } undescribed
            ? $"Before the site goes live, tell me what {undescribed.Where} shows, for visitors who cannot see it"
              + (undescribed.Where is "the main photo" or "the about photo" or "the logo" ? $" (for example: \"{undescribed.Where} shows our shop front\")." : ".")
            : null;

    private static IEnumerable<string?> RemovedPages(IDictionary<string, object?>? arguments) =>
        NavoTools.Argument(arguments, "operations") is JsonArray operations
            ? operations.Where(o => o?["op"]?.GetValue<string>() == "remove_page").Select(o => o!["page"]?.ToString())
            : [];
}
