using Navo.Tools.Sites;

namespace Navo.Tools.Edit;

public static partial class EditDecider
{
    /// <summary>The section types that take a photo of their own; gallery items and team members take one each.</summary>
    private static readonly string[] SectionImageTypes = ["hero", "about"];

    private static readonly string[] ItemImageTypes = ["gallery", "team"];

    private static One DecideSetImage(Site site, SetImage op, EditContext context)
    {
        if (op.Logo && op.Section is not null)
        {
            return "Put an image either in a section or as the logo, not both.";
        }

        if (!op.Logo && op.Section is null)
        {
            return "Say where the image goes: the hero, the about section, a gallery, a team member, or the logo.";
        }

        if (op.Alt is { } alt && Problem(alt) is { } altProblem)
        {
            return altProblem;
        }

        if (op.Logo)
        {
            return Place(site.Logo, null, null, null, null, op, context);
        }

        if (SiteReferences.FindSection(site, op.Section!) is not var (page, section))
        {
            return NoSection(op.Section!);
        }

        if (SectionImageTypes.Contains(section.Type))
        {
            return op.Item is null
                ? Place(section.Image, page.Id, section.Id, section.Type, null, op, context)
                : $"The {SectionCatalog.Find(section.Type)!.Label} has one photo; leave out the item.";
        }

        if (!ItemImageTypes.Contains(section.Type))
        {
            return "Photos go in the hero, the about section, a gallery, on team members, or in the header as the logo.";
        }

        var item = op.Item ?? (section.Type == "gallery" && !op.Remove ? section.Items.Count : null);
        if (item is null)
        {
            return "Say which team member the photo is of (item, counted from 0).";
        }

        var isNew = section.Type == "gallery" && item == section.Items.Count;
        if (item < 0 || item > section.Items.Count || (item == section.Items.Count && !isNew))
        {
            return $"The {SectionCatalog.Find(section.Type)!.Label} has no item {item + 1}.";
        }

        if (isNew && section.Items.Count >= SectionCatalog.MaxItemsPerSection)
        {
            return $"A section can have at most {SectionCatalog.MaxItemsPerSection} items.";
        }

        return Place(isNew ? null : section.Items[item.Value].Image, page.Id, section.Id, section.Type, item, op, context);
    }

    /// <summary>Places, re-describes or removes the image at one spot, whose current image is <paramref name="current"/>.</summary>
    private static One Place(ImageRef? current, string? pageId, string? sectionId, string? type, int? item, SetImage op, EditContext context)
    {
        if (op.Remove)
        {
            return current is null ? "There is no image there to remove." : One.Of(new ImageRemoved(pageId, sectionId, type, item, current, context.By));
        }

        var alt = op.Alt?.Trim();
        if (op.Image is null)
        {
            if (current is null)
            {
                return "Say which uploaded image to use there (its id from the image library).";
            }

            return alt is null || alt == current.Alt
                ? AlreadySo
                : One.Of(new ImageAdded(pageId, sectionId, type, item, current with { Alt = alt }, current, context.By));
        }

        var asset = op.Image.Trim().ToLowerInvariant();
        if (!ImageRef.IsAssetId(asset) || context.Images is null || !context.Images.TryGetValue(asset, out var size))
        {
            return "That image is not in this site's library: upload it first, then use the id it was given.";
        }

        // A new image keeps the description the spot had only when it is the same image.
        var image = new ImageRef(asset, alt ?? (current?.Asset == asset ? current.Alt : string.Empty), size.Width, size.Height);
        return image == current ? AlreadySo : One.Of(new ImageAdded(pageId, sectionId, type, item, image, current, context.By));
    }

    private static string? Problem(string alt) =>
        alt.Trim().Length > ImageRef.MaxAltLength ? $"An image description can be at most {ImageRef.MaxAltLength} characters."
        : TextChecks.HasHiddenCharacters(alt, allowLineBreaks: false) ? "The image description contains characters that are not allowed."
        : null;
}
