using Navo.Tools.Projects;
using Navo.Tools.Rendering;
using Navo.Tools.Sites;

namespace Navo.Tools.Edit;

public static partial class EditDecider
{
    private static One DecideSetText(Site site, SetText op, Actor by)
    {
        if (SiteReferences.FindSection(site, op.Section) is not var (page, section))
        {
            return NoSection(op.Section);
        }

        var spec = SectionCatalog.Find(section.Type)!;
        var value = op.Value.Trim();
        string previous;
        if (op.Item is { } index)
        {
            if (!spec.HasItems)
            {
                return $"{spec.WithCapitalArticle} has no items.";
            }

            if (index < 0 || index >= section.Items.Count)
            {
                return $"The {spec.Label} has {section.Items.Count} items; there is no item {index + 1}.";
            }

            var isFeatures = op.Field == "features" && spec.ItemsHaveFeatures;
            if (!isFeatures && !spec.ItemFields.Contains(op.Field))
            {
                return $"An item of {spec.WithArticle} has no {SectionCatalog.Describe(op.Field)}.";
            }

            var item = section.Items[index];
            previous = isFeatures ? string.Join('\n', item.Features) : item.Field(op.Field);
        }
        else
        {
            if (!spec.Fields.Contains(op.Field))
            {
                return $"{spec.WithCapitalArticle} has no {SectionCatalog.Describe(op.Field)}.";
            }

            previous = section.Field(op.Field);
        }

        if (SiteValidator.TextProblem(op.Field, value) is { } problem)
        {
            return problem;
        }

        if (SectionCatalog.IsLink(op.Field) && value.Length > 0 && !LinkPolicy.IsAllowed(value))
        {
            return "A button link must start with https://, http://, mailto:, tel:, / or #.";
        }

        if (section.Type == "hours" && op.Item is { } row
            && OpeningHours.Problem(section.Items[row] with { Fields = new Dictionary<string, string>(section.Items[row].Fields, StringComparer.Ordinal) { [op.Field] = value } }, row + 1) is { } hours)
        {
            return hours;
        }

        if (value == previous)
        {
            return $"The {SectionCatalog.Describe(op.Field)} already reads that.";
        }

        return One.Of(new SectionTextChanged(page.Id, section.Id, section.Type, op.Field, op.Item, value, previous, null, by));
    }

    private static One DecideRewrite(ProjectState state, Rewrite op, Actor by)
    {
        if (!TextRewriter.Styles.Contains(op.Style))
        {
            return "I can make text shorter, longer, more formal, more casual or punchier.";
        }

        if (SiteReferences.FindSection(state.Site!, op.Section) is not var (page, section))
        {
            return NoSection(op.Section);
        }

        var spec = SectionCatalog.Find(section.Type)!;
        var field = op.Field ?? MainTextField(section);
        if (!spec.Fields.Contains(field))
        {
            return $"{spec.WithCapitalArticle} has no {SectionCatalog.Describe(field)}.";
        }

        var previous = section.Field(field);
        if (previous.Trim().Length == 0)
        {
            return $"The {SectionCatalog.Describe(field)} is empty: there is nothing to rewrite.";
        }

        var value = TextRewriter.Rewrite(previous, op.Style, state.Brief);
        if (SiteValidator.TextProblem(field, value) is { } problem)
        {
            return problem;
        }

        return One.Of(new SectionTextChanged(page.Id, section.Id, section.Type, field, null, value, previous, op.Style, by));
    }

    /// <summary>The field "make it shorter" means when no field is named.</summary>
    public static string MainTextField(Section section) => section.Type switch
    {
        "hero" => section.Field("subheadline").Length > 0 ? "subheadline" : "headline",
        "about" or "text" => "body",
        "cta" or "contact" or "footer" => "text",
        _ => "title",
    };
}
