using System.Reflection;
using System.Text.Json;

namespace Navo.Tools.Generate;

/// <summary>
/// One industry's copy, sections and palettes, loaded from <c>Generate/Packs/*.json</c>. Templates use
/// <c>{name}</c>, <c>{place}</c>, <c>{inPlace}</c> (" in Porto" or nothing), <c>{offering}</c>, <c>{offerings}</c>
/// and <c>{audience}</c>.
/// </summary>
public sealed record ContentPack(
    string Industry,
    string Label,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> Sections,
    IReadOnlyList<PackPalette> Palettes,
    IReadOnlyList<string> DefaultOfferings,
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
