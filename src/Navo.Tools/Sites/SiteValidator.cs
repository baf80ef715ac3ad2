namespace Navo.Tools.Sites;

/// <summary>Checks a site against the model and its limits, with messages a non-developer understands.</summary>
public static class SiteValidator
{
    /// <summary>Every problem found; empty when the site is valid.</summary>
    public static IReadOnlyList<string> Validate(Site site)
    {
        var errors = new List<string>();
        if (site.Pages.Count == 0)
        {
            errors.Add("A site needs at least one page.");
        }

        if (site.Pages.Count > SectionCatalog.MaxPages)
        {
            errors.Add($"A site can have at most {SectionCatalog.MaxPages} pages.");
        }

        CheckText(errors, "site name", site.Name, 200);
        CheckText(errors, "search title", site.Seo.Title, 200);
        CheckText(errors, "search description", site.Seo.Description, SectionCatalog.MaxFieldLength);
        if (!ColorMath.TryParse(site.Theme.PrimaryColor, out _))
        {
            errors.Add("The main colour must look like #1a2b3c.");
        }

        if (site.Logo is { } logo && ImageProblem(logo) is { } logoProblem)
        {
            errors.Add(logoProblem);
        }

        if (site.Pages.Select(p => p.Path).Distinct(StringComparer.OrdinalIgnoreCase).Count() != site.Pages.Count)
        {
            errors.Add("Two pages cannot have the same address.");
        }

        foreach (var page in site.Pages)
        {
            CheckText(errors, "page title", page.Title, 200);
            if (page.Sections.Count > SectionCatalog.MaxSectionsPerPage)
            {
                errors.Add($"A page can have at most {SectionCatalog.MaxSectionsPerPage} sections.");
            }

            foreach (var section in page.Sections)
            {
                errors.AddRange(ValidateSection(section));
            }
        }

        return errors;
    }

    /// <summary>The problems of one section.</summary>
    public static IEnumerable<string> ValidateSection(Section section)
    {
        var spec = SectionCatalog.Find(section.Type);
        if (spec is null)
        {
            yield return $"Navo has no '{section.Type}' section.";
            yield break;
        }

        foreach (var problem in FieldProblems(section.Fields, spec.Fields, $"{spec.WithCapitalArticle}"))
        {
            yield return problem;
        }

        if (section.Image is { } image && (section.Type is not ("hero" or "about") ? $"{spec.WithCapitalArticle} has no photo of its own." : ImageProblem(image)) is { } imageProblem)
        {
            yield return imageProblem;
        }

        if (section.Items.Count > 0 && !spec.HasItems)
        {
            yield return $"{spec.WithCapitalArticle} has no items.";
            yield break;
        }

        if (section.Items.Count > SectionCatalog.MaxItemsPerSection)
        {
            yield return $"A section can have at most {SectionCatalog.MaxItemsPerSection} items.";
        }

        for (var row = 0; row < section.Items.Count; row++)
        {
            var item = section.Items[row];
            foreach (var problem in FieldProblems(item.Fields, spec.ItemFields, $"An item of {spec.WithArticle}"))
            {
                yield return problem;
            }

            if (section.Type == "hours" && OpeningHours.Problem(item, row + 1) is { } hours)
            {
                yield return hours;
            }

            if (item.Image is { } photo && (section.Type is not ("gallery" or "team") ? $"An item of {spec.WithArticle} has no photo." : ImageProblem(photo)) is { } photoProblem)
            {
                yield return photoProblem;
            }

            if (item.Features.Count > 0 && !spec.ItemsHaveFeatures)
            {
                yield return $"An item of {spec.WithArticle} has no features list.";
            }

            if (item.Features.Count > SectionCatalog.MaxItemsPerSection)
            {
                yield return $"A plan can list at most {SectionCatalog.MaxItemsPerSection} features.";
            }

            foreach (var feature in item.Features)
            {
                if (TextProblem("feature", feature) is { } problem)
                {
                    yield return problem;
                }
            }
        }
    }

    /// <summary>Fields the type does not have, and texts over their limits.</summary>
    private static IEnumerable<string> FieldProblems(IReadOnlyDictionary<string, string> fields, IReadOnlyList<string> allowed, string owner)
    {
        foreach (var (field, value) in fields)
        {
            if (!allowed.Contains(field))
            {
                yield return $"{owner} has no {SectionCatalog.Describe(field)}.";
            }
            else if (TextProblem(field, value) is { } problem)
            {
                yield return problem;
            }
        }
    }

    /// <summary>The problem with a field's text, or null: over its limit, or holding control characters.</summary>
    public static string? TextProblem(string field, string value)
    {
        var max = SectionCatalog.MaxLength(field);
        if (value.Length > max)
        {
            return $"The {SectionCatalog.Describe(field)} can be at most {max:N0} characters.";
        }

        // Line breaks are the one invisible character a site's text may hold.
        return value.Any(c => c != '\n' && TextChecks.IsHidden(c))
            ? $"The {SectionCatalog.Describe(field)} cannot contain control characters."
            : null;
    }

    /// <summary>The problem with an image reference, or null: an asset id that is not one, a bad size or alt text.</summary>
    public static string? ImageProblem(ImageRef image) =>
        !ImageRef.IsAssetId(image.Asset) ? "An image must name an uploaded image by its id."
        : image.Width is < 1 or > 100_000 || image.Height is < 1 or > 100_000 ? "An image's width and height must be whole pixels."
        : image.Alt.Length > ImageRef.MaxAltLength ? $"An image description can be at most {ImageRef.MaxAltLength} characters."
        : TextChecks.HasHiddenCharacters(image.Alt) ? "An image description cannot contain control characters."
        : null;

    private static void CheckText(List<string> errors, string what, string value, int max)
    {
        if (value.Length > max)
        {
            errors.Add($"The {what} can be at most {max:N0} characters.");
        }
    }
}
