using System.Globalization;
using NetVips;
using Navo.Tools.Sites;

namespace Navo.Tools.Assets;

/// <summary>What an upload holds, read from its header alone: its format and its size after EXIF orientation.</summary>
public sealed record ImageHeader(string Format, int Width, int Height);

/// <summary>One resized copy of an image: <c>Name</c> is <c>{width}.{webp|jpg}</c>.</summary>
public sealed record ImageVariant(string Name, string Format, int Width, int Height, byte[] Bytes);

/// <summary>
/// The image work, done by libvips (NetVips): the format is told from the bytes, the size from the header before any
/// pixel is decoded (a decompression bomb is refused unread), and each accepted image is decoded once with shrink on
/// load, turned upright by its EXIF orientation, converted to sRGB, and written at each width of
/// <see cref="ImageRef.WidthsFor"/> as WebP and as a JPEG fallback with no metadata at all (no EXIF, GPS, XMP,
/// IPTC or ICC). Originals are never kept, so nothing of their metadata is either.
/// </summary>
public static class ImageProcessor
{
    /// <summary>The largest upload accepted.</summary>
    public const int MaxBytes = 15 * 1024 * 1024;

    /// <summary>The most pixels an image may have (40 megapixels): its decoded size is bounded before it is decoded.</summary>
    public const long MaxPixels = 40_000_000;

    static ImageProcessor()
    {
        // libvips caches operations and their inputs; uploads are never processed twice, so the cache only holds memory.
        Cache.Max = 0;
        Cache.MaxMem = 0;
        Cache.MaxFiles = 0;
    }

    /// <summary>
    /// Reads the header: the problem to tell the owner (a plain sentence), or what the file is. The bytes must be a
    /// JPEG, PNG or WebP, and agree with the declared type and the file name's extension.
    /// </summary>
    public static (ImageHeader? Header, string? Problem) Inspect(byte[] bytes, string fileName, string? contentType)
    {
        if (bytes.Length == 0)
        {
            return (null, "The file is empty.");
        }

        if (bytes.Length > MaxBytes)
        {
            return (null, $"The file is {Megabytes(bytes.Length)} MB; images can be at most {MaxBytes / (1024 * 1024)} MB.");
        }

        var actual = Image.FindLoadBuffer(bytes) switch
        {
            "VipsForeignLoadJpegBuffer" => "jpeg",
            "VipsForeignLoadPngBuffer" => "png",
            "VipsForeignLoadWebpBuffer" => "webp",
            null => null,
            _ => "other",
        };
        if (actual is null)
        {
            return (null, "That file is not an image Navo can read. Send a JPEG, PNG or WebP photo.");
        }

        if (actual == "other")
        {
            return (null, "Navo takes JPEG, PNG and WebP images; this file is another kind of image. Save it as JPEG or PNG and try again.");
        }

        var byName = FormatOfExtension(Path.GetExtension(fileName));
        var byType = FormatOfContentType(contentType);
        if (byName is null)
        {
            return (null, $"Navo takes JPEG, PNG and WebP images; '{Path.GetFileName(fileName)}' does not end in .jpg, .jpeg, .png or .webp.");
        }

        if (byName != actual || (byType is not null && byType != actual))
        {
            return (null, $"'{Path.GetFileName(fileName)}' says it is {Label(byType ?? byName)} but holds {Label(actual)} image. Nothing was stored: check the file and try again.");
        }

        try
        {
            // Lazy: this reads the header only; no pixel is decoded before the size is known to be safe.
            using var header = Image.NewFromBuffer(bytes, access: Enums.Access.Sequential);
            var pixels = (long)header.Width * header.Height;
            if (pixels > MaxPixels)
            {
                var bomb = pixels / Math.Max(1, bytes.Length) > 1000;
                return (null, string.Create(CultureInfo.InvariantCulture,
                    $"The image is {header.Width:N0} × {header.Height:N0} pixels ({pixels / 1_000_000.0:0.#} megapixels); Navo takes up to {MaxPixels / 1_000_000} megapixels.")
                    + (bomb ? " Its few bytes would unpack into far more pixels than a photo has, so it was not opened." : " Export it smaller and try again."));
            }

            // Orientations 5 to 8 turn the picture a quarter: its upright width is the stored height.
            var quarterTurn = header.Contains("orientation") && Convert.ToInt32(header.Get("orientation"), CultureInfo.InvariantCulture) is >= 5 and <= 8;
            return (quarterTurn ? new ImageHeader(actual, header.Height, header.Width) : new ImageHeader(actual, header.Width, header.Height), null);
        }
        catch (VipsException)
        {
            return (null, "The image is damaged and cannot be read. Save it again and try once more.");
        }
    }

    /// <summary>
    /// Decodes, orients, strips and resizes an image whose header passed <see cref="Inspect"/>: WebP and JPEG at each
    /// width, largest first. Throws <see cref="VipsException"/> when the pixels turn out damaged.
    /// </summary>
    public static IReadOnlyList<ImageVariant> Process(byte[] bytes, ImageHeader header)
    {
        var widths = ImageRef.WidthsFor(header.Width);
        var variants = new List<ImageVariant>(widths.Count * 2);

        // One decode (JPEGs shrink while loading), upright and sRGB; the smaller widths are made from it in memory.
        using var largest = Upright(Image.ThumbnailBuffer(bytes, widths[^1], height: 1_000_000, size: Enums.Size.Down, failOn: Enums.FailOn.Error))
            .CopyMemory();
        foreach (var width in widths.Reverse())
        {
            using var sized = width == widths[^1] ? largest.Copy() : largest.ThumbnailImage(width, height: 1_000_000, size: Enums.Size.Down);
            // Effort 1 of 6: about half the time of the default at a few per cent more bytes (docs/benchmarks.md).
            variants.Add(new($"{width}.webp", "webp", sized.Width, sized.Height,
                sized.WebpsaveBuffer(q: 80, keep: Enums.ForeignKeep.None, effort: 1)));
            using var opaque = sized.HasAlpha() ? sized.Flatten(background: [255, 255, 255]) : sized.Copy();
            variants.Add(new($"{width}.jpg", "jpeg", opaque.Width, opaque.Height,
                opaque.JpegsaveBuffer(q: 82, keep: Enums.ForeignKeep.None, optimizeCoding: true, interlace: true)));
        }

        return variants;
    }

    /// <summary>
    /// The colour a logo is mostly made of, as <c>#rrggbb</c>: its pixels are counted in coarse buckets, leaving out the
    /// transparent, the near-white, the near-black and the greys (a logo's background and outlines, not its colour),
    /// and the commonest colour of the fullest bucket wins. Null for a logo with no colour at all.
    /// </summary>
    public static string? MainColour(byte[] bytes)
    {
        using var small = Upright(Image.ThumbnailBuffer(bytes, 64));
        using var rgba = small.Bands switch
        {
            1 or 2 => small.Colourspace(Enums.Interpretation.Srgb),
            _ => small.Copy(),
        };
        using var uchar = rgba.Cast(Enums.BandFormat.Uchar);
        var pixels = uchar.WriteToMemory<byte>();
        var bands = rgba.Bands;
        var buckets = new Dictionary<int, int>();
        for (var i = 0; i + bands - 1 < pixels.Length; i += bands)
        {
            var (r, g, b) = (pixels[i], pixels[i + 1], pixels[i + 2]);
            var max = Math.Max(r, Math.Max(g, b));
            var min = Math.Min(r, Math.Min(g, b));
            if ((bands == 4 && pixels[i + 3] < 128) || max < 40 || min > 225 || max - min < 40)
            {
                continue;
            }

            var key = ((r >> 5) << 6) | ((g >> 5) << 3) | (b >> 5);
            buckets[key] = buckets.GetValueOrDefault(key) + 1;
        }

        if (buckets.Count == 0)
        {
            return null;
        }

        // In the fullest bucket, the commonest exact colour: a flat logo's own colour, not one blurred by its edges.
        var winner = buckets.MaxBy(b => b.Value).Key;
        var exact = new Dictionary<int, int>();
        for (var i = 0; i + bands - 1 < pixels.Length; i += bands)
        {
            var (r, g, b) = (pixels[i], pixels[i + 1], pixels[i + 2]);
            if ((((r >> 5) << 6) | ((g >> 5) << 3) | (b >> 5)) == winner && (bands != 4 || pixels[i + 3] >= 128))
            {
                var rgb = (r << 16) | (g << 8) | b;
                exact[rgb] = exact.GetValueOrDefault(rgb) + 1;
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"#{exact.MaxBy(e => e.Value).Key:x6}");
    }

    /// <summary>sRGB at 8 bits a channel: what browsers assume of an image without a colour profile.</summary>
    private static Image Upright(Image image)
    {
        if (image.Interpretation is Enums.Interpretation.Srgb or Enums.Interpretation.Bw && image.Format == Enums.BandFormat.Uchar)
        {
            return image;
        }

        using (image)
        {
            return image.Colourspace(image.Bands <= 2 ? Enums.Interpretation.Bw : Enums.Interpretation.Srgb).Cast(Enums.BandFormat.Uchar);
        }
    }

    private static string? FormatOfExtension(string extension) => extension.ToLowerInvariant() switch
    {
        ".jpg" or ".jpeg" or ".jpe" or ".jfif" => "jpeg",
        ".png" => "png",
        ".webp" => "webp",
        _ => null,
    };

    /// <summary>The format a Content-Type declares; null when it declares none (a generic type or nothing).</summary>
    private static string? FormatOfContentType(string? contentType) => contentType?.Split(';')[0].Trim().ToLowerInvariant() switch
    {
        "image/jpeg" or "image/jpg" or "image/pjpeg" => "jpeg",
        "image/png" => "png",
        "image/webp" => "webp",
        null or "" or "application/octet-stream" => null,
        _ => "other",
    };

    private static string Label(string format) => format switch { "jpeg" => "a JPEG", "png" => "a PNG", "webp" => "a WebP", _ => "another type" };

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture);
}
