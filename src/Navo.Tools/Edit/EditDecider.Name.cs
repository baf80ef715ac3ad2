using System.Text.RegularExpressions;
using Navo.Tools.Sites;

namespace Navo.Tools.Edit;

public static partial class EditDecider
{
    /// <summary>The longest business name: it heads every page and goes into titles.</summary>
    public const int MaxNameLength = 100;

    private static One DecideSetName(Site site, SetName op, Actor by)
    {
        var name = op.Name.Trim();
        if (name.Length is 0 or > MaxNameLength)
        {
            return $"A business name is 1 to {MaxNameLength} characters.";
        }

        if (TextChecks.HasHiddenCharacters(name))
        {
            return "The name cannot contain control characters.";
        }

        if (name == site.Name)
        {
            return $"The business is already called {name}.";
        }

        var rename = NameIn(site.Name, name);
        var seo = new Seo(rename(site.Seo.Title), rename(site.Seo.Description));
        if (seo.Title.Length > 200)
        {
            return "With that name the search title would be over 200 characters: choose a shorter name or search title.";
        }

        if (seo.Description.Length > SectionCatalog.MaxFieldLength)
        {
            return $"With that name the search description would be over {SectionCatalog.MaxFieldLength:N0} characters.";
        }

        var texts = new List<NameReplaced>();
        foreach (var page in site.Pages)
        {
            if (rename(page.Title) is var title && title != page.Title)
            {
                if (title.Length > 200)
                {
                    return $"With that name the title of the page \"{page.Title}\" would be over 200 characters.";
                }

                texts.Add(new NameReplaced(page.Id, null, "title", null, title));
            }

            foreach (var section in page.Sections)
            {
                if (RenamedTexts(page, section, rename) is { } problem)
                {
                    return problem;
                }
            }
        }

        var slug = Slugs.From(name);
        return One.Of(new SiteRenamed(name, site.Name, slug.Length > 0 ? slug : site.Slug, seo, texts, by));

        string? RenamedTexts(Page page, Section section, Func<string, string> change)
        {
            foreach (var (field, value) in section.Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                if (Replace(page, section, field, null, value, change) is { } problem)
                {
                    return problem;
                }
            }

            for (var i = 0; i < section.Items.Count; i++)
            {
                foreach (var (field, value) in section.Items[i].Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
                {
                    if (Replace(page, section, field, i, value, change) is { } problem)
                    {
                        return problem;
                    }
                }

                if (section.Items[i].Features.Count > 0
                    && Replace(page, section, "features", i, string.Join('\n', section.Items[i].Features), change) is { } features)
                {
                    return features;
                }
            }

            return null;
        }

        string? Replace(Page page, Section section, string field, int? item, string value, Func<string, string> change)
        {
            var renamed = change(value);
            if (renamed == value)
            {
                return null;
            }

            if (SiteValidator.TextProblem(field, renamed) is not null)
            {
                var where = SiteReferences.Describe(section.Type).Replace("the ", string.Empty, StringComparison.Ordinal);
                return $"With that name the {SectionCatalog.Describe(field)} of the {where} would be too long: shorten it first, or choose a shorter name.";
            }

            texts.Add(new NameReplaced(page.Id, section.Id, field, item, renamed));
            return null;
        }
    }

    /// <summary>
    /// Replaces the old name where it stands as a name: "Rosa's Bakery" in "Welcome to Rosa's Bakery" and "© Rosa's
    /// Bakery", but "Rosa" not inside "Rosalind".
    /// </summary>
    private static Func<string, string> NameIn(string previous, string name)
    {
        if (previous.Trim().Length == 0)
        {
            return text => text;
        }

        var pattern = new Regex($@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(previous.Trim())}(?![\p{{L}}\p{{N}}])", RegexOptions.None, TimeSpan.FromSeconds(1));
        return text => pattern.Replace(text, name.Replace("$", "$$", StringComparison.Ordinal));
    }
}
