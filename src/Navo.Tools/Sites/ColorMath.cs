using System.Globalization;

namespace Navo.Tools.Sites;

/// <summary>Colours as the renderer needs them: parsing, WCAG contrast, and nudging a colour until text on it reads.</summary>
public static class ColorMath
{
    /// <summary>Parses <c>#rrggbb</c>.</summary>
    public static bool TryParse(string? hex, out (int R, int G, int B) rgb)
    {
        rgb = default;
        if (hex is not { Length: 7 } || hex[0] != '#'
            || !int.TryParse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        rgb = ((value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff);
        return true;
    }

    public static string ToHex((int R, int G, int B) rgb) => $"#{rgb.R:x2}{rgb.G:x2}{rgb.B:x2}";

    /// <summary>WCAG 2.1 relative luminance.</summary>
    public static double Luminance((int R, int G, int B) rgb)
    {
        static double Channel(int c)
        {
            var s = c / 255.0;
            return s <= 0.03928 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(rgb.R)) + (0.7152 * Channel(rgb.G)) + (0.0722 * Channel(rgb.B));
    }

    /// <summary>WCAG 2.1 contrast ratio, 1 to 21.</summary>
    public static double Contrast((int R, int G, int B) a, (int R, int G, int B) b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    /// <summary>
    /// <paramref name="color"/> moved towards black or white (whichever contrasts with <paramref name="against"/>)
    /// in small steps until the two reach <paramref name="minimum"/>.
    /// </summary>
    public static (int R, int G, int B) EnsureContrast((int R, int G, int B) color, (int R, int G, int B) against, double minimum = 4.5)
    {
        var towardsWhite = Luminance(against) < 0.18;
        var current = color;
        for (var step = 0; step < 100 && Contrast(current, against) < minimum; step++)
        {
            current = towardsWhite
                ? (Math.Min(255, current.R + 6), Math.Min(255, current.G + 6), Math.Min(255, current.B + 6))
                : (Math.Max(0, current.R - 6), Math.Max(0, current.G - 6), Math.Max(0, current.B - 6));
        }

        return current;
    }
}
