using System.Globalization;
using System.Text;
using Navo.Tools.Analyze;
using Navo.Tools.Edit;
using Navo.Tools.Rendering;
using Navo.Tools.Sites;

namespace Navo.Tools.Suggest;

public static partial class SuggestionProducer
{
    /// <summary>
    /// A page heavier than this (its HTML and the images it shows, each counted once) is slow to show on a phone
    /// connection: at a few megabits a second, a megabyte is already seconds.
    /// </summary>
    public const long HeavyPageBytes = 1_000_000;

    /// <summary>The most images one suggestion takes off a page: more is a redesign, not a suggestion.</summary>
    public const int MaxImagesRemoved = 3;

    /// <summary>
    /// Each page over <see cref="HeavyPageBytes"/>: take off its heaviest photos (never the logo), heaviest first, until
    /// it is under the budget or <see cref="MaxImagesRemoved"/> are gone; no suggestion when removing that many would
    /// not be worth it (nothing left to take but the logo).
    /// </summary>
    private static IEnumerable<Suggestion> HeavyPages(Site site, SiteWeight? weight, AnalyticsFigures? figures)
    {
        if (weight is null)
        {
            yield break;
        }

        foreach (var page in site.Pages)
        {
            var html = Encoding.UTF8.GetByteCount(SiteRenderer.RenderPage(site, page, RenderOptions.Live));
            // The document's own positions (not the live filter's), so the operations point at the right item.
            var images = SiteImages.All(site with { Pages = [page] })
                .Select(p => (Placed: p, Bytes: weight.ImageBytes.GetValueOrDefault(p.Image.Asset)))
                .ToList();
            var imageBytes = images.DistinctBy(i => i.Placed.Image.Asset).Sum(i => i.Bytes);
            var total = html + imageBytes;
            if (total <= HeavyPageBytes)
            {
                continue;
            }

            var removed = new List<(PlacedImage Placed, long Bytes)>();
            var left = total;
            foreach (var image in images.Where(i => i.Placed.SectionId is not null).OrderByDescending(i => i.Bytes))
            {
                if (left <= HeavyPageBytes || removed.Count == MaxImagesRemoved)
                {
                    break;
                }

                removed.Add(image);
                left -= images.Count(i => i.Placed.Image.Asset == image.Placed.Image.Asset) == 1 ? image.Bytes : 0;
            }

            if (removed.Count == 0)
            {
                continue;
            }

            var name = page.Path == "/" ? "home page" : $"page \"{page.Title}\"";
            var photos = images.Count(i => i.Placed.SectionId is not null);
            var reason = $"The {name} weighs {Megabytes(total)}, {Megabytes(imageBytes)} of it in {Count(images.Count, "image")}; "
                + "on a phone connection that is seconds before it shows."
                + (figures is { } f ? $" {Count(f.Visitors, "visitor")} came in the last 30 days." : string.Empty);
            var what = removed.Count == 1 ? removed[0].Placed.Where : $"the {removed.Count} heaviest photos";
            yield return new Suggestion(Guid.Empty, SuggestionKinds.HeavyPage, $"{SuggestionKinds.HeavyPage}:{page.Id}",
                $"Make the {name} lighter: take off {what}", reason,
                $"Without {Describe(removed)} the page weighs {Megabytes(left)} and shows sooner, most of all on phones"
                    + (photos > removed.Count ? "; its other photos stay." : "."),
                // Gallery items close up when their photo goes: the later ones first, so each position is still right.
                [.. removed.OrderByDescending(r => r.Placed.Item ?? -1)
                    .Select(r => (EditOperation)new SetImage(Section: r.Placed.SectionId, Item: r.Placed.Item, Remove: true))]);
        }
    }

    private static string Describe(List<(PlacedImage Placed, long Bytes)> removed) =>
        removed.Count == 1 ? $"{removed[0].Placed.Where} ({Megabytes(removed[0].Bytes)})"
            : string.Join(", ", removed.Take(removed.Count - 1).Select(r => r.Placed.Where)) + " and " + removed[^1].Placed.Where;

    /// <summary>"2.4 MB", "0.9 MB".</summary>
    private static string Megabytes(long bytes) => (bytes / 1_000_000.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB";
}
