namespace Navo.Tools.Sites;

/// <summary>
/// An uploaded image placed on the site (design.md section 4): the asset (the content hash of the upload), its
/// alt text, and its size after EXIF orientation. The size travels with the reference so the renderer can set
/// <c>width</c>, <c>height</c> and <c>srcset</c> from the document alone and stay a pure function of it.
/// </summary>
public sealed record ImageRef(string Asset, string Alt, int Width, int Height)
{
    /// <summary>The widths every image is resized into; never wider than the upload (no upscaling).</summary>
    public static IReadOnlyList<int> StandardWidths { get; } = [320, 640, 1280, 1920];

    /// <summary>The longest alt text accepted.</summary>
    public const int MaxAltLength = 300;

    /// <summary>
    /// The widths this image exists in: each standard width narrower than the upload, and the upload's own width
    /// (at most the largest standard width). A 1000 px photo gives 320, 640 and 1000.
    /// </summary>
    public IReadOnlyList<int> Widths => WidthsFor(Width);

    /// <inheritdoc cref="Widths"/>
    public static IReadOnlyList<int> WidthsFor(int width)
    {
        var largest = Math.Min(width, StandardWidths[^1]);
        return [.. StandardWidths.Where(w => w < largest), largest];
    }

    /// <summary>The height of the image at <paramref name="width"/>, keeping its proportions.</summary>
    public int HeightAt(int width) => Math.Max(1, (int)Math.Round((double)Height * width / Width, MidpointRounding.AwayFromZero));

    /// <summary>True when <paramref name="asset"/> looks like an asset id: 64 lower-case hex digits.</summary>
    public static bool IsAssetId(string? asset) => asset is { Length: 64 } && asset.All(char.IsAsciiHexDigitLower);
}
