using System.Reflection;
using System.Text.Json;

namespace Navo.Tools.Generate;

/// <summary>
/// One family of businesses' copy, sections and palettes, loaded from <c>Generate/Packs/*.json</c> (the taxonomy in
/// <c>kinds.tsv</c> maps each kind of business to a pack). Templates use the placeholders of <see cref="Templates"/>.
/// Testimonials, FAQ answers, pricing and stats are written without the owner's facts, so drafts mark them sample.
/// </summary>
public sealed record ContentPack(
    string Industry,
    string Label,
    string PricesTitle,
    IReadOnlyList<string> Sections,
    IReadOnlyList<PackPalette> Palettes,
    IReadOnlyList<string> Headlines,
    IReadOnlyList<string> Subheadlines,
    IReadOnlyList<string> CallsToAction,
    IReadOnlyList<string> About,
    IReadOnlyList<string> FeatureTexts,
    IReadOnlyList<PackItem> Testimonials,
    IReadOnlyList<PackItem> Faq,
    IReadOnlyList<PackPlan> Pricing,
    IReadOnlyList<PackItem> Stats)
{
    private static readonly Lazy<IReadOnlyList<ContentPack>> Loaded = new(Load);

    /// <summary>Every pack, by industry id.</summary>
    public static IReadOnlyList<ContentPack> All => Loaded.Value;

    /// <summary>The pack for an industry id, or null.</summary>
    public static ContentPack? Find(string industry) => All.FirstOrDefault(p => p.Industry == industry);

    /// <summary>The pack for an industry id, or the general pack: neutral copy built from the owner's own words.</summary>
    public static ContentPack For(string industry) => Find(industry) ?? Find("general")!;

    private static IReadOnlyList<ContentPack> Load()
    {
        var assembly = typeof(ContentPack).Assembly;
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.Contains(".Packs.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => Read(assembly, n, options))];
    }

    private static ContentPack Read(Assembly assembly, string name, JsonSerializerOptions options)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        return JsonSerializer.Deserialize<ContentPack>(stream, options) ?? throw new InvalidDataException($"Empty content pack {name}.");
    }
}

public sealed record PackPalette(string PrimaryColor, string Font, string Radius, string Mode);

/// <summary>An item template: its fields by name.</summary>
public sealed record PackItem(Dictionary<string, string> Fields);

public sealed record PackPlan(string Name, string Price, string Period, IReadOnlyList<string> Features);
