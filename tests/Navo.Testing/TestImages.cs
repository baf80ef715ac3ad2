using NetVips;

namespace Navo.Testing;

/// <summary>
/// Images made on the spot with libvips: photos with EXIF (orientation, GPS), other formats, and the files uploads
/// must refuse (too many pixels, a decompression bomb, a file named for another format).
/// </summary>
public static class TestImages
{
    /// <summary>Sends <paramref name="bytes"/> to the project's image library as the studio does (multipart, field <c>file</c>).</summary>
    public static Task<HttpResponseMessage> UploadImageAsync(this HttpClient client, Guid project, byte[] bytes, string fileName, string contentType)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        return client.PostAsync($"/api/v1/projects/{project}/assets", form);
    }

    /// <summary>A JPEG whose left half is red and right half blue, with EXIF carrying an orientation and a GPS position when asked.</summary>
    public static byte[] Jpeg(int width, int height, int? orientation = null, bool gps = false, int quality = 85)
    {
        using var image = Halves(width, height);
        if (orientation is null && !gps)
        {
            return image.JpegsaveBuffer(q: quality);
        }

        using var tagged = image.Mutate(m => m.Set(GValue.BlobType, "exif-data", Exif(orientation ?? 1, gps)));
        return tagged.JpegsaveBuffer(q: quality, keep: Enums.ForeignKeep.All);
    }

    public static byte[] Png(int width, int height)
    {
        using var image = Halves(width, height);
        return image.PngsaveBuffer();
    }

    public static byte[] WebP(int width, int height)
    {
        using var image = Halves(width, height);
        return image.WebpsaveBuffer();
    }

    public static byte[] Gif(int width, int height)
    {
        using var image = Halves(width, height);
        return image.GifsaveBuffer();
    }

    /// <summary>
    /// Something like a photo: detail at every scale (large soft shapes, mid-sized texture, a little grain), so that
    /// sizes and timings are closer to a camera's than a flat colour's or pure noise's would be.
    /// </summary>
    public static byte[] Photo(int width, int height, int quality = 88)
    {
        Image Band(int seed)
        {
            using var coarse = Image.Gaussnoise((width + 15) / 16, (height + 15) / 16, mean: 128, sigma: 45, seed: seed);
            using var coarseUp = coarse.Resize(16, kernel: Enums.Kernel.Cubic);
            using var mid = Image.Gaussnoise((width + 3) / 4, (height + 3) / 4, mean: 0, sigma: 10, seed: seed + 1);
            using var midUp = mid.Resize(4, kernel: Enums.Kernel.Cubic);
            using var fine = Image.Gaussnoise(width, height, mean: 0, sigma: 3, seed: seed + 2);
            using var a = coarseUp.Crop(0, 0, width, height);
            using var b = midUp.Crop(0, 0, width, height);
            return a + b + fine;
        }

        using var red = Band(1);
        using var green = Band(11);
        using var blue = Band(21);
        using var rgb = red.Bandjoin(green, blue);
        using var photo = rgb.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        return photo.JpegsaveBuffer(q: quality);
    }

    /// <summary>A logo as a PNG: a block of one colour on a wider white background.</summary>
    public static byte[] Logo(byte red, byte green, byte blue)
    {
        using var black = Image.Black(120, 80);
        using var white = black.NewFromImage(255, 255, 255);
        using var mark = Image.Black(60, 80).NewFromImage(red, green, blue);
        using var logo = white.Insert(mark, 40, 0).Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        return logo.PngsaveBuffer();
    }

    /// <summary>A flat PNG of <paramref name="width"/> × <paramref name="height"/>: a few hundred KB that would unpack into gigabytes.</summary>
    public static byte[] Bomb(int width = 20_000, int height = 20_000)
    {
        using var image = Image.Black(width, height);
        return image.PngsaveBuffer(compression: 9);
    }

    /// <summary>
    /// True when the bytes hold EXIF (where GPS positions live) or XMP, by the markers JPEG and WebP use for them
    /// (<c>Exif</c> in a JPEG APP1 segment, an <c>EXIF</c> or <c>XMP </c> chunk in WebP), or when libvips finds any
    /// EXIF, XMP, IPTC or ICC field.
    /// </summary>
    public static bool HasMetadata(byte[] bytes)
    {
        var text = System.Text.Encoding.Latin1.GetString(bytes);
        return text.Contains("Exif", StringComparison.Ordinal) || text.Contains("EXIF", StringComparison.Ordinal)
            || text.Contains("XMP ", StringComparison.Ordinal) || text.Contains("http://ns.adobe.com/xap", StringComparison.Ordinal)
            || Fields(bytes).Any(f => f.StartsWith("exif", StringComparison.Ordinal) || f.StartsWith("xmp", StringComparison.Ordinal)
                || f.StartsWith("iptc", StringComparison.Ordinal) || f.StartsWith("icc", StringComparison.Ordinal) || f.Contains("GPS", StringComparison.Ordinal));
    }

    /// <summary>The fields libvips finds in an image: <c>exif-ifd3-GPSLatitude</c> and the like.</summary>
    public static IReadOnlyList<string> Fields(byte[] bytes)
    {
        using var image = Image.NewFromBuffer(bytes);
        return image.GetFields();
    }

    /// <summary>The upright size of an image, and the colour of the pixel at a fraction of its width and height.</summary>
    public static (int Width, int Height, double[] Pixel) Read(byte[] bytes, double x, double y)
    {
        using var image = Image.NewFromBuffer(bytes);
        return (image.Width, image.Height, image.Getpoint((int)(x * (image.Width - 1)), (int)(y * (image.Height - 1))));
    }

    private static Image Halves(int width, int height)
    {
        using var left = Image.Black(width / 2, height, bands: 3) + new double[] { 220, 30, 30 };
        using var right = Image.Black(width - width / 2, height, bands: 3) + new double[] { 30, 30, 220 };
        using var joined = left.Join(right, Enums.Direction.Horizontal);
        return joined.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
    }

    /// <summary>
    /// A minimal EXIF block (little-endian TIFF): IFD0 with the orientation and, when asked, a GPS IFD with a latitude
    /// of 51° 30' 12.34" N. Written by hand because no encoder makes GPS tags up; libvips reads and re-writes it.
    /// </summary>
    private static byte[] Exif(int orientation, bool gps)
    {
        var b = new List<byte>();
        void U16(int v) { b.Add((byte)v); b.Add((byte)(v >> 8)); }
        void U32(long v) { U16((int)(v & 0xffff)); U16((int)(v >> 16)); }
        b.AddRange("Exif\0\0"u8.ToArray());
        b.AddRange("II"u8.ToArray());
        U16(42);
        U32(8);
        U16(gps ? 2 : 1);
        U16(0x0112); U16(3); U32(1); U16(orientation); U16(0);
        if (gps)
        {
            U16(0x8825); U16(4); U32(1); U32(38);
        }

        U32(0);
        if (gps)
        {
            U16(2);
            U16(0x0001); U16(2); U32(2); b.Add((byte)'N'); b.Add(0); U16(0);
            U16(0x0002); U16(5); U32(3); U32(68);
            U32(0);
            U32(51); U32(1); U32(30); U32(1); U32(1234); U32(100);
        }

        return [.. b];
    }
}
