namespace Navo.Agent.Local;

/// <summary>The words the local understanding maps to slots: section names and their synonyms, colours, numbers.</summary>
public static class Vocabulary
{
    /// <summary>Phrases that name a section type, longest first so "call to action" wins over "action".</summary>
    public static readonly IReadOnlyList<(string Phrase, string Type)> Sections = new (string, string)[]
    {
        ("call to action", "cta"), ("call-to-action", "cta"), ("contact form", "contact"), ("price list", "pricing"),
        ("q&a", "faq"), ("about us", "about"), ("top section", "hero"),
        ("hero", "hero"), ("header", "hero"), ("banner", "hero"), ("intro", "hero"),
        ("about", "about"), ("story", "about"),
        ("features", "features"), ("feature", "features"), ("benefits", "features"), ("highlights", "features"),
        ("services", "services"), ("service", "services"), ("offerings", "services"),
        ("gallery", "gallery"), ("photos", "gallery"), ("pictures", "gallery"), ("images", "gallery"), ("portfolio", "gallery"),
        ("testimonials", "testimonials"), ("testimonial", "testimonials"), ("reviews", "testimonials"), ("review", "testimonials"),
        ("pricing", "pricing"), ("prices", "pricing"), ("plans", "pricing"), ("price", "pricing"),
        ("faqs", "faq"), ("faq", "faq"), ("questions", "faq"),
        ("team", "team"), ("staff", "team"),
        ("stats", "stats"), ("statistics", "stats"), ("numbers", "stats"), ("figures", "stats"),
        ("cta", "cta"), ("contact", "contact"), ("footer", "footer"),
        ("text", "text"),
    }.OrderByDescending(s => s.Item1.Length).ToArray();

    public static readonly IReadOnlyDictionary<string, string> Colors = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["red"] = "#dc2626", ["blue"] = "#2563eb", ["green"] = "#16a34a", ["purple"] = "#7c3aed", ["pink"] = "#db2777",
        ["orange"] = "#ea580c", ["yellow"] = "#ca8a04", ["teal"] = "#0d9488", ["navy"] = "#1e3a8a", ["black"] = "#111827",
        ["gray"] = "#4b5563", ["grey"] = "#4b5563", ["brown"] = "#92400e", ["gold"] = "#b45309", ["maroon"] = "#9f1239",
        ["turquoise"] = "#0891b2", ["coral"] = "#f97316", ["olive"] = "#4d7c0f", ["violet"] = "#8b5cf6", ["lavender"] = "#8b5cf6",
        ["indigo"] = "#4f46e5", ["burgundy"] = "#881337", ["crimson"] = "#be123c", ["emerald"] = "#059669", ["mint"] = "#10b981",
        ["sky"] = "#0284c7", ["magenta"] = "#c026d3", ["charcoal"] = "#374151", ["terracotta"] = "#c2410c", ["forest"] = "#166534",
    };

    public static readonly IReadOnlyDictionary<string, int> Numbers = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10,
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6, ["seventh"] = 7, ["eighth"] = 8,
        ["ninth"] = 9, ["tenth"] = 10, ["1st"] = 1, ["2nd"] = 2, ["3rd"] = 3, ["4th"] = 4, ["5th"] = 5,
    };

    /// <summary>Sample values that stand in for placeholders in the training phrasings.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Samples = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["{name}"] = ["pão quente", "rosa's bakery", "casa verde"],
        ["{place}"] = ["lisbon", "porto", "braga"],
        ["{thing}"] = ["sourdough", "ceramics", "candles"],
        ["{page}"] = ["menu", "blog", "about"],
        ["{section}"] = ["pricing", "faq", "gallery"],
        ["{color}"] = ["blue", "#ff6600", "green"],
        ["{quote}"] = ["\"Fresh bread daily\"", "'Our story'"],
        ["{number}"] = ["2", "third", "3"],
    };
}
