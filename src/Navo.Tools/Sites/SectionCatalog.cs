namespace Navo.Tools.Sites;

/// <summary>What a section type holds (design.md section 4).</summary>
public sealed record SectionSpec(string Type, string Label, IReadOnlyList<string> Fields, IReadOnlyList<string> ItemFields, bool ItemsHaveFeatures = false)
{
    public bool HasItems => ItemFields.Count > 0;

    /// <summary>"a hero", "an about section".</summary>
    public string WithArticle => ("aeiou".Contains(Label[0], StringComparison.Ordinal) ? "an " : "a ") + Label;

    /// <summary>"A hero", "An about section": to start a sentence.</summary>
    public string WithCapitalArticle => char.ToUpperInvariant(WithArticle[0]) + WithArticle[1..];
}

/// <summary>Every section type, its fields and its item fields; and the limits every site keeps.</summary>
public static class SectionCatalog
{
    public const int MaxPages = 20;
    public const int MaxSectionsPerPage = 30;
    public const int MaxItemsPerSection = 50;
    public const int MaxHeadlineLength = 200;
    public const int MaxFieldLength = 2000;

    private static readonly SectionSpec[] Specs =
    [
        new("hero", "hero", ["headline", "subheadline", "ctaText", "ctaLink"], []),
        new("about", "about section", ["title", "body"], []),
        new("text", "text section", ["title", "body"], []),
        new("features", "features section", ["title"], ["title", "text"]),
        new("services", "services section", ["title"], ["title", "text"]),
        new("gallery", "gallery", ["title"], ["caption", "alt"]),
        new("testimonials", "testimonials", ["title"], ["quote", "author", "role"]),
        new("pricing", "pricing section", ["title"], ["name", "price", "period", "ctaText"], ItemsHaveFeatures: true),
        new("faq", "FAQ", ["title"], ["question", "answer"]),
        new("team", "team section", ["title"], ["name", "role", "bio"]),
        new("stats", "stats section", ["title"], ["value", "label"]),
        new("cta", "call to action", ["headline", "text", "buttonText", "buttonLink"], []),
        new("contact", "contact section", ["title", "text", "email", "phone", "address", "submitText"], []),
        new("hours", "opening hours section", ["title", "note"], ["days", "opens", "closes", "text"]),
        new("footer", "footer", ["text"], []),
    ];

    private static readonly Dictionary<string, SectionSpec> ByType = Specs.ToDictionary(s => s.Type, StringComparer.Ordinal);

    /// <summary>All section types.</summary>
    public static IReadOnlyList<SectionSpec> All => Specs;

    /// <summary>The spec of <paramref name="type"/>, or null for a type Navo does not know.</summary>
    public static SectionSpec? Find(string type) => ByType.GetValueOrDefault(type);

    /// <summary>The longest text a field takes: headlines are short, everything else up to 2,000 characters.</summary>
    public static int MaxLength(string field) => field == "headline" ? MaxHeadlineLength : MaxFieldLength;

    /// <summary>The fields that hold links, which the renderer restricts to safe schemes.</summary>
    public static bool IsLink(string field) => field is "ctaLink" or "buttonLink";

    /// <summary>The fields that hold a 24-hour time (<c>HH:mm</c>): an opening-hours row's opening and closing.</summary>
    public static bool IsTime(string field) => field is "opens" or "closes";

    /// <summary>How a field is named to a person: <c>ctaText</c> -> "button text".</summary>
    public static string Describe(string field) => field switch
    {
        "ctaText" or "buttonText" => "button text",
        "ctaLink" or "buttonLink" => "button link",
        "subheadline" => "subheadline",
        "submitText" => "send-button text",
        "opens" => "opening time",
        "closes" => "closing time",
        _ => field,
    };
}
