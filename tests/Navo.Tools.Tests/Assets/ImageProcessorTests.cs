using Navo.Testing;
using Navo.Tools.Assets;

namespace Navo.Tools.Tests.Assets;

public sealed class ImageProcessorTests
{
    private static IReadOnlyList<ImageVariant> Accept(byte[] bytes, string fileName, string? contentType = null)
    {
        var (header, problem) = ImageProcessor.Inspect(bytes, fileName, contentType);
        problem.Should().BeNull();
        return ImageProcessor.Process(bytes, header!);
    }

    private static string Refusal(byte[] bytes, string fileName, string? contentType = null)
    {
        var (header, problem) = ImageProcessor.Inspect(bytes, fileName, contentType);
        header.Should().BeNull();
        return problem!;
    }

    [Fact]
    public void A_photo_with_a_GPS_position_comes_out_with_no_EXIF_or_GPS_in_any_copy()
    {
        var photo = TestImages.Jpeg(2400, 1600, gps: true);
        TestImages.Fields(photo).Should().Contain("exif-ifd3-GPSLatitude", "the test photo must carry a position to strip");

        var variants = Accept(photo, "holiday.jpg", "image/jpeg");

        variants.Select(v => v.Name).Should().Equal("1920.webp", "1920.jpg", "1280.webp", "1280.jpg", "640.webp", "640.jpg", "320.webp", "320.jpg");
        variants.Should().AllSatisfy(v => TestImages.HasMetadata(v.Bytes).Should().BeFalse($"{v.Name} must carry no metadata"));
    }

    [Fact]
    public void EXIF_orientation_is_applied_so_a_sideways_photo_stands_upright()
    {
        // Stored 400 x 200, left red and right blue; orientation 6 means "turn a quarter clockwise to view".
        var photo = TestImages.Jpeg(400, 200, orientation: 6);

        var (header, _) = ImageProcessor.Inspect(photo, "portrait.jpeg", "image/jpeg");
        header.Should().Be(new ImageHeader("jpeg", 200, 400));
        var largest = ImageProcessor.Process(photo, header!).First(v => v.Format == "jpeg");

        var (width, height, top) = TestImages.Read(largest.Bytes, 0.5, 0.1);
        (width, height).Should().Be((200, 400));
        top[0].Should().BeGreaterThan(150, "red was on the left, which is the top once turned");
        TestImages.Read(largest.Bytes, 0.5, 0.9).Pixel[2].Should().BeGreaterThan(150, "blue ends at the bottom");
        TestImages.HasMetadata(largest.Bytes).Should().BeFalse("the orientation tag is applied, then dropped with the rest");
    }

    [Fact]
    public void Images_are_never_made_larger()
    {
        Accept(TestImages.Png(800, 600), "logo.png", "image/png").Select(v => (v.Name, v.Width, v.Height)).Should().Equal(
            ("800.webp", 800, 600), ("800.jpg", 800, 600), ("640.webp", 640, 480), ("640.jpg", 640, 480), ("320.webp", 320, 240), ("320.jpg", 320, 240));
        Accept(TestImages.WebP(200, 100), "tiny.webp").Select(v => v.Name).Should().Equal("200.webp", "200.jpg");
    }

    [Fact]
    public void A_file_whose_bytes_are_not_what_its_name_or_type_says_is_refused()
    {
        Refusal(TestImages.Png(100, 100), "photo.jpg").Should().Be("'photo.jpg' says it is a JPEG but holds a PNG image. Nothing was stored: check the file and try again.");
        Refusal(TestImages.Jpeg(100, 100), "photo.jpg", "image/png").Should().Contain("holds a JPEG");
        Refusal(TestImages.Jpeg(100, 100), "photo.gif").Should().Contain("does not end in .jpg, .jpeg, .png or .webp");
    }

    [Fact]
    public void Other_kinds_of_image_and_files_that_are_not_images_are_refused()
    {
        Refusal(TestImages.Gif(50, 50), "anim.gif", "image/gif").Should().StartWith("Navo takes JPEG, PNG and WebP images");
        Refusal("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>"u8.ToArray(), "logo.png").Should().StartWith("Navo takes JPEG, PNG and WebP images");
        Refusal("hello, this is a text file and not a photo"u8.ToArray(), "notes.jpg").Should().StartWith("That file is not an image");
        Refusal("%PDF-1.7\n"u8.ToArray(), "menu.jpg").Should().StartWith("That file is not an image");
        Refusal([], "empty.jpg").Should().Be("The file is empty.");
    }

    [Fact]
    public void Sixty_megapixels_are_refused_from_the_header()
    {
        Refusal(TestImages.Jpeg(10_000, 6_000, quality: 40), "huge.jpg").Should().StartWith("The image is 10,000 × 6,000 pixels (60 megapixels); Navo takes up to 40 megapixels.");
    }

    [Fact]
    public void A_decompression_bomb_is_refused_before_a_pixel_is_decoded()
    {
        var bomb = TestImages.Bomb();
        bomb.Length.Should().BeLessThan(1024 * 1024);

        var before = GC.GetTotalMemory(false);
        Refusal(bomb, "bomb.png").Should().Contain("400 megapixels").And.Contain("so it was not opened");
        (GC.GetTotalMemory(false) - before).Should().BeLessThan(64 * 1024 * 1024);
    }

    [Fact]
    public void A_file_over_15_MB_is_refused_unread()
    {
        Refusal(new byte[ImageProcessor.MaxBytes + 1], "big.jpg").Should().StartWith("The file is 15 MB; images can be at most 15 MB.");
    }

    [Fact]
    public void Grey_sixteen_bit_and_transparent_PNGs_come_out_as_8_bit_copies_with_JPEGs_on_white()
    {
        using var grey16 = (NetVips.Image.Black(300, 200) + 40000).Cast(NetVips.Enums.BandFormat.Ushort).Copy(interpretation: NetVips.Enums.Interpretation.Grey16);
        using var rgba = (NetVips.Image.Black(300, 200, bands: 4) + new double[] { 200, 20, 20, 0 }).Cast(NetVips.Enums.BandFormat.Uchar).Copy(interpretation: NetVips.Enums.Interpretation.Srgb);

        foreach (var png in new[] { grey16.PngsaveBuffer(bitdepth: 16), rgba.PngsaveBuffer() })
        {
            var variants = Accept(png, "logo.png", "image/png");

            variants.Select(v => v.Name).Should().Equal("300.webp", "300.jpg");
            foreach (var variant in variants)
            {
                using var copy = NetVips.Image.NewFromBuffer(variant.Bytes);
                copy.Format.Should().Be(NetVips.Enums.BandFormat.Uchar);
            }
        }

        TestImages.Read(Accept(rgba.PngsaveBuffer(), "clear.png").Single(v => v.Format == "jpeg").Bytes, 0.5, 0.5).Pixel
            .Should().OnlyContain(c => c > 240, "a fully transparent image is white once flattened for JPEG");
    }

    [Fact]
    public void A_logos_main_colour_is_its_colour_not_its_white_background_and_a_grey_logo_has_none()
    {
        ImageProcessor.MainColour(TestImages.Logo(0xea, 0x58, 0x0c)).Should().Be("#ea580c");
        ImageProcessor.MainColour(TestImages.Logo(0x80, 0x80, 0x80)).Should().BeNull();
    }
}
