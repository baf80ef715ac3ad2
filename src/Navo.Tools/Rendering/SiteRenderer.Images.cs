using System.Globalization;
using System.Text;
using Navo.Tools.Sites;

namespace Navo.Tools.Rendering;

public static partial class SiteRenderer
{
    // How wide each kind of image is drawn, so the browser picks the smallest copy that is sharp enough.
    private const string HeroSizes = "(max-width: 68rem) 100vw, 68rem";
    private const string TextSizes = "(max-width: 68rem) 100vw, 65rem";
    private const string CardSizes = "(max-width: 40rem) 100vw, 22rem";
    private const string LogoSizes = "10rem";

    /// <summary>
    /// An uploaded image: WebP for the browsers that take it, JPEG for the rest, each at every width it was resized
    /// into; width and height set from its proportions so the page does not move while it loads. Images below the fold
    /// load lazily; the hero and the logo are fetched at once.
    /// </summary>
    private static void Picture(StringBuilder html, ImageRef image, string sizes, bool eager, RenderOptions options)
    {
        var widths = image.Widths;
        var largest = widths[^1];
        var fallback = widths.LastOrDefault(w => w <= 640, widths[0]);
        html.Append("<picture><source type=\"image/webp\" srcset=\"").Append(E(SourceSet(image, widths, "webp", options)))
            .Append("\" sizes=\"").Append(sizes).Append("\"><img src=\"").Append(E(ImageUrl(image, fallback, "jpg", options)))
            .Append("\" srcset=\"").Append(E(SourceSet(image, widths, "jpg", options))).Append("\" sizes=\"").Append(sizes)
            .Append("\" width=\"").Append(largest.ToString(CultureInfo.InvariantCulture))
            .Append("\" height=\"").Append(image.HeightAt(largest).ToString(CultureInfo.InvariantCulture))
            .Append("\" alt=\"").Append(E(image.Alt)).Append('"')
            .Append(eager ? " fetchpriority=\"high\"" : " loading=\"lazy\"").Append(" decoding=\"async\"></picture>");
    }

    private static string SourceSet(ImageRef image, IReadOnlyList<int> widths, string extension, RenderOptions options) =>
        string.Join(", ", widths.Select(w => ImageUrl(image, w, extension, options) + " " + w.ToString(CultureInfo.InvariantCulture) + "w"));

    /// <summary>Where one copy of an image is: <c>{ImageBase}/{asset}/{width}.{extension}</c>.</summary>
    public static string ImageUrl(ImageRef image, int width, string extension, RenderOptions options) =>
        string.Create(CultureInfo.InvariantCulture, $"{options.ImageBase}/{image.Asset}/{width}.{extension}");
}
