using System.Globalization;

namespace Navo.Tools.Versions;

/// <summary>
/// The everyday name of a colour ("#8a5a2b" is brown, "#ea580c" orange), so history and compare can say "the main
/// colour changed from brown to orange": the nearest of a few dozen named colours, by the "redmean" distance (a
/// cheap approximation of how far apart people see two colours).
/// </summary>
public static class ColourNames
{
    private static readonly (string Name, int Rgb)[] Named =
    [
        ("red", 0xdc2626), ("dark red", 0x991b1b), ("light red", 0xf87171), ("maroon", 0x881337), ("crimson", 0xbe123c),
        ("orange", 0xea580c), ("dark orange", 0xc2410c), ("light orange", 0xfb923c), ("brown", 0x92400e), ("dark brown", 0x5c2d0c),
        ("light brown", 0xb07a4a), ("yellow", 0xeab308), ("mustard yellow", 0xca8a04), ("light yellow", 0xfde047), ("gold", 0xb8860b),
        ("olive", 0x4d7c0f), ("green", 0x16a34a), ("dark green", 0x166534), ("light green", 0x4ade80), ("teal", 0x0d9488),
        ("dark teal", 0x115e59), ("light teal", 0x2dd4bf), ("turquoise", 0x06b6d4), ("blue", 0x2563eb), ("navy", 0x1e3a8a),
        ("light blue", 0x38bdf8), ("purple", 0x7c3aed), ("dark purple", 0x581c87), ("light purple", 0xa78bfa), ("pink", 0xdb2777),
        ("dark pink", 0x9d174d), ("light pink", 0xf472b6), ("magenta", 0xc026d3), ("grey", 0x6b7280), ("dark grey", 0x374151),
        ("light grey", 0xb0b6bf), ("black", 0x111111), ("white", 0xfafafa), ("cream", 0xf5ecd7), ("beige", 0xd8c3a5),
    ];

    /// <summary>The name of <paramref name="hex"/> (<c>#rrggbb</c>), or the text itself when it is not one.</summary>
    public static string Of(string hex) =>
        hex.Length == 7 && hex[0] == '#' && int.TryParse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb)
            ? Named.MinBy(n => Distance(rgb, n.Rgb)).Name
            : hex;

    private static double Distance(int a, int b)
    {
        var (r1, g1, b1) = ((a >> 16) & 0xff, (a >> 8) & 0xff, a & 0xff);
        var (r2, g2, b2) = ((b >> 16) & 0xff, (b >> 8) & 0xff, b & 0xff);
        var mean = (r1 + r2) / 2.0;
        var (dr, dg, db) = (r1 - r2, g1 - g2, b1 - b2);
        return ((2 + (mean / 256)) * dr * dr) + (4 * dg * dg) + ((2 + ((255 - mean) / 256)) * db * db);
    }
}
