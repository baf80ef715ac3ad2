using System.Globalization;
using System.Text.RegularExpressions;
using Navo.Tools.Edit;
using Navo.Tools.Reading;

namespace Navo.Agent.Local;

public sealed partial class LocalPlanner
{
    private static readonly HashSet<string> SmallWords = new(["a", "an", "and", "the", "of", "for", "in", "on", "to", "with", "at", "by", "or"], StringComparer.Ordinal);

    private Plan AddPage(Utterance u)
    {
        var title = u.Quotes.FirstOrDefault() ?? PageTitle(u.Original) ?? PageTitle(u.Text);
        return title is null
            ? Ask("What should the new page be called?", "add_page")
            : Edit($"Adding the page \"{title}\".", "add_page", new AddPage(title));
    }

    private Plan RemovePage(Utterance u, PlanContext context)
    {
        var page = ExistingPage(u, context);
        return page switch
        {
            null => Ask("Which page should I remove?", "remove_page"),
            { Found: false } => Ask($"There is no page called \"{page.Value.Name}\". The pages are {string.Join(", ", context.Pages)}.", "remove_page"),
            _ => Edit($"Removing the page \"{page.Value.Name}\" needs your yes.", "remove_page", new RemovePage(page.Value.Name)),
        };
    }

    private Plan RenamePage(Utterance u, PlanContext context)
    {
        var page = ExistingPage(u, context);
        var title = u.Quotes.Count > 0 ? u.Quotes[^1] : Slots.Clean(NewTitle().Match(u.Original) is { Success: true } m ? m.Groups["title"].Value : null);
        if (page is not { Found: true } || title is null)
        {
            return Ask(page is { Found: false } ? $"There is no page called \"{page.Value.Name}\"." : "Which page, and what should it be called?", "rename_page");
        }

        return Edit($"Renaming the page to \"{title}\".", "rename_page", new RenamePage(page.Value.Name, title));
    }

    /// <summary>The page a message names: one of the site's (typos allowed), or a name the site does not have.</summary>
    private static (string Name, bool Found)? ExistingPage(Utterance u, PlanContext context)
    {
        var lower = u.Original.ToLowerInvariant();
        var known = context.Pages.FirstOrDefault(p => Lexicon.Contains(lower, p.ToLowerInvariant()) && p != "Home" || (p == "Home" && Lexicon.Contains(lower, "home page")));
        if (known is not null)
        {
            return (known, true);
        }

        var word = PageWord().Match(u.Original) is { Success: true } m ? m.Groups["name"].Value : null;
        var named = word ?? u.Quotes.FirstOrDefault();
        if (named is null)
        {
            return null;
        }

        var close = context.Pages.FirstOrDefault(p => Typos.Distance(p.ToLowerInvariant(), named.ToLowerInvariant()) <= 1);
        return close is not null ? (close, true) : (TitleCase(named), false);
    }

    /// <summary>The title of a new page: "called Menu", "a page about our wedding cakes" -> "Wedding Cakes", "a menu page" -> "Menu".</summary>
    private static string? PageTitle(string text)
    {
        var match = CalledTitle().Match(text);
        if (!match.Success)
        {
            match = PageAbout().Match(text);
        }

        if (!match.Success)
        {
            match = PageWord().Match(text);
        }

        return match.Success && Slots.Clean(match.Groups["name"].Value) is { } name ? TitleCase(name) : null;
    }

    private static string TitleCase(string text) => string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select((w, i) =>
        i > 0 && SmallWords.Contains(w.ToLowerInvariant()) ? w.ToLowerInvariant() : char.ToUpper(w[0], CultureInfo.InvariantCulture) + w[1..]));

    [GeneratedRegex(@"\b(?:called|named|titled)\s+(?<name>.+?)\s*(?:page)?\s*[.!?]*$|\bpage\s*(?::|-|–)\s*(?<name>.+?)\s*[.!?]*$", RegexOptions.IgnoreCase)]
    private static partial Regex CalledTitle();

    [GeneratedRegex(@"\bpage\s+(?:about|for|on|with|listing|showing|covering)\s+(?:all\s+)?(?:of\s+)?(?:our|my|the|your)?\s*(?<name>[\p{L}\p{N}'&-]+(?:\s+[\p{L}\p{N}'&-]+){0,4}?)\s*(?:please|pls|thanks)?[.!?]*$", RegexOptions.IgnoreCase)]
    private static partial Regex PageAbout();

    [GeneratedRegex(@"\b(?:the|a|an|new|our|my|separate)\s+(?<name>[\p{L}\p{N}'&-]+(?:\s+[\p{L}\p{N}'&-]+){0,2}?)\s+page\b", RegexOptions.IgnoreCase | RegexOptions.RightToLeft)]
    private static partial Regex PageWord();

    [GeneratedRegex(@"\b(?:to|as|into)\s+(?<title>[^.!?]+?)\s*[.!?]*$", RegexOptions.IgnoreCase | RegexOptions.RightToLeft)]
    private static partial Regex NewTitle();
}
