using System.Globalization;
using Navo.Tools.Rendering;

namespace Navo.Tools.Sites;

/// <summary>An image where it sits on a site, said as the owner would say it ("the main photo", "photo 2 of the gallery").</summary>
/// <remarks><paramref name="SectionId"/> and <paramref name="Item"/> say where in the document; both null for the logo.</remarks>
public sealed record PlacedImage(ImageRef Image, string Where, string? SectionId = null, int? Item = null);

/// <summary>Every image a site shows: the logo, hero and about photos, gallery items and team members.</summary>
public static class SiteImages
{
    /// <summary>
    /// The images of <paramref name="site"/> in page order; with <paramref name="live"/>, only those a live page shows
    /// (sample sections and items are left out there).
    /// </summary>
    public static IEnumerable<PlacedImage> All(Site site, bool live = false)
    {
        if (site.Logo is { } logo)
        {
            yield return new(logo, "the logo");
        }

        foreach (var page in site.Pages)
        {
            foreach (var section in page.Sections.Select(s => live ? SiteRenderer.WithoutSample(s) : s).OfType<Section>())
            {
                if (section.Image is { } image)
                {
                    // "the about photo", as people say it (and as the chat reads it back), not "the about section photo".
                    yield return new(image, section.Type == "hero" ? "the main photo" : $"the {section.Type} photo", section.Id);
                }

                for (var i = 0; i < section.Items.Count; i++)
                {
                    if (section.Items[i].Image is { } photo)
                    {
                        yield return new(photo, section.Type == "team" && section.Items[i].Field("name") is { Length: > 0 } name
                            ? $"the photo of {name}"
                            : string.Create(CultureInfo.InvariantCulture, $"photo {i + 1} of the {SectionCatalog.Find(section.Type)?.Label ?? section.Type}"),
                        section.Id, i);
                    }
                }
            }
        }
    }
}
