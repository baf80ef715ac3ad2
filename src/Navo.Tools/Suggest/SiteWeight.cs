using Navo.Tools.Assets;

namespace Navo.Tools.Suggest;

/// <summary>
/// What a site's images weigh as a live page serves them: per asset, the bytes of its largest WebP copy (what a wide
/// screen downloads; a phone takes a smaller one, so a page's weight here is its most, not its least).
/// </summary>
public sealed record SiteWeight(IReadOnlyDictionary<string, long> ImageBytes)
{
    /// <summary>The weights of <paramref name="assets"/>, the project's image library.</summary>
    public static SiteWeight From(IEnumerable<ImageAsset> assets) =>
        new(assets.ToDictionary(
            a => a.Id,
            a => a.Variants.Where(v => v.Name.EndsWith(".webp", StringComparison.Ordinal)).Select(v => v.Bytes).DefaultIfEmpty(a.Bytes).Max(),
            StringComparer.Ordinal));
}
