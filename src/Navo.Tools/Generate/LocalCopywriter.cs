using System.Globalization;
using System.Text;
using Navo.Tools.Edit;
using Navo.Tools.Sites;

namespace Navo.Tools.Generate;

/// <summary>
/// The local engine's copy: fills an industry pack's templates with the brief (name, place, offerings,
/// audience), picking variants by a seed from the business, so two businesses never get the same page.
/// A business no pack knows gets sections built from its own words.
/// </summary>
public sealed class LocalCopywriter : ISectionWriter
{
    private static readonly TextInfo Title = CultureInfo.InvariantCulture.TextInfo;

    public Section Draft(string type, Brief? brief, string sectionId, string seed)
    {
        brief ??= new Brief("Your business", "general", null, [], null, "professional", string.Empty);
        var pack = ContentPack.Find(brief.Industry) ?? General;
        var pick = new Picker(Seed(brief.BusinessName + "|" + brief.Description + "|" + seed + "|" + type));
        var offerings = Offerings(brief, pack);
        string Fill(string template, string? offering = null) => Templates.Fill(template, brief, offerings, offering);

        return type switch
        {
            "hero" => Make(sectionId, type, ("headline", Fill(pick.One(pack.Headlines))), ("subheadline", Fill(pick.One(pack.Subheadlines))),
                ("ctaText", pick.One(pack.CallsToAction)), ("ctaLink", "#contact")),
            "about" => Make(sectionId, type, ("title", $"About {brief.BusinessName}"), ("body", Fill(pick.One(pack.About)))),
            "text" => Make(sectionId, type, ("title", brief.BusinessName), ("body", Fill(pick.One(pack.About)))),
            "features" or "services" => Make(sectionId, type, [("title", type == "services" ? "Our services" : $"What {brief.BusinessName} offers")],
                [.. offerings.Take(6).Select((o, i) => SectionItem.Of(("title", Title.ToTitleCase(o)), ("text", Fill(pack.FeatureTexts[(i + pick.Offset) % pack.FeatureTexts.Count], o))))]),
            "gallery" => Make(sectionId, type, [("title", $"A look at {brief.BusinessName}")],
                [.. offerings.Take(6).Select(o => SectionItem.Of(("caption", Title.ToTitleCase(o)), ("alt", $"{Title.ToTitleCase(o)} at {brief.BusinessName}")))]),
            "testimonials" => Make(sectionId, type, [("title", "What people say")], [.. pick.Rotate(pack.Testimonials).Select(t => FromTemplate(t, Fill))]),
            "faq" => Make(sectionId, type, [("title", "Questions, answered")], [.. pick.Rotate(pack.Faq).Select(t => FromTemplate(t, Fill))]),
            "stats" => Make(sectionId, type, [("title", $"{brief.BusinessName} in numbers")], [.. pack.Stats.Select(t => FromTemplate(t, Fill))]),
            "pricing" => Make(sectionId, type, [("title", "Prices")],
                [.. pack.Pricing.Select(p => new SectionItem(
                    new Dictionary<string, string>(StringComparer.Ordinal) { ["name"] = p.Name, ["price"] = p.Price, ["period"] = p.Period, ["ctaText"] = "Choose" },
                    [.. p.Features]))]),
            "team" => Make(sectionId, type, [("title", $"The people behind {brief.BusinessName}")],
                [SectionItem.Of(("name", "Your name"), ("role", "Founder"), ("bio", "Tell visitors who you are and why you started."))]),
            "cta" => Make(sectionId, type, ("headline", $"Ready when you are — {brief.BusinessName}"),
                ("text", Fill(pick.One(pack.Subheadlines))), ("buttonText", pick.One(pack.CallsToAction)), ("buttonLink", "#contact")),
            "contact" => Make(sectionId, type, ("title", "Get in touch"),
                ("text", Templates.Fill("Questions, bookings or just hello — write to {name} and we will reply within a day.", brief, offerings, null)),
                ("email", string.Empty), ("phone", string.Empty), ("address", brief.Place ?? string.Empty), ("submitText", "Send")),
            // Navo never invents opening hours: the owner gives them (set_hours), and until then the note says to ask.
            "hours" => Make(sectionId, type, ("title", "Opening hours"), ("note", Templates.Fill("Get in touch to check when {name} is open.", brief, offerings, null))),
            "footer" => Make(sectionId, type, ("text", Templates.Fill("© {name}{inPlace}", brief, offerings, null))),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown section type."),
        };
    }

    /// <summary>The user's offerings first, then the pack's own, without repeats.</summary>
    public static IReadOnlyList<string> Offerings(Brief brief, ContentPack pack) =>
        [.. brief.Offerings.Concat(pack.DefaultOfferings).Distinct(StringComparer.OrdinalIgnoreCase).Take(6)];

    /// <summary>A stable seed from text (FNV-1a).</summary>
    public static uint Seed(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }

    private static SectionItem FromTemplate(PackItem template, Func<string, string?, string> fill) =>
        new(template.Fields.ToDictionary(f => f.Key, f => fill(f.Value, null), StringComparer.Ordinal), []);

    private static Section Make(string id, string type, params (string Field, string Value)[] fields) => Make(id, type, fields, []);

    private static Section Make(string id, string type, (string Field, string Value)[] fields, IReadOnlyList<SectionItem> items) =>
        new(id, type, fields.ToDictionary(f => f.Field, f => f.Value, StringComparer.Ordinal), items);

    /// <summary>For a business no pack knows: neutral copy built from the user's own words.</summary>
    public static ContentPack General { get; } = new(
        "general", "business", [], ["hero", "about", "features", "testimonials", "faq", "contact", "footer"],
        [new("#2563eb", "sans", "small", "light"), new("#0f766e", "sans", "large", "light"), new("#7c3aed", "rounded", "large", "light")],
        ["quality service", "friendly advice", "fair prices"],
        ["Welcome to {name}", "{name}{inPlace}", "Meet {name}"],
        ["{Offerings}{inPlace}.", "{name}: {offerings}, done well.", "Everything you need from {name}, in one place."],
        ["Get in touch", "Learn more", "Contact us"],
        ["{name}{inPlace} offers {offerings}. Get in touch to find out how we can help.", "{name} is here for {audienceOrYou}: {offerings}, with care."],
        ["{Offering} from {name}.", "Ask {name} about {offering}.", "{Offering}, done properly."],
        [new(new() { ["quote"] = "Friendly, reliable and easy to work with.", ["author"] = "A happy customer", ["role"] = "Customer" })],
        [new(new() { ["question"] = "How do I get in touch?", ["answer"] = "Use the form below and {name} will reply within a day." }),
         new(new() { ["question"] = "Where are you?", ["answer"] = "You can find {name}{inPlace}." })],
        [new("Standard", "Ask us", "per job", ["A clear quote first"])],
        [new(new() { ["value"] = "24h", ["label"] = "reply time" })]);

    private sealed class Picker(uint seed)
    {
        private uint _next = seed;

        public int Offset { get; } = (int)(seed % 7);

        public string One(IReadOnlyList<string> options)
        {
            _next = (_next * 1103515245u) + 12345u;
            return options[(int)((_next >> 8) % (uint)options.Count)];
        }

        public IEnumerable<T> Rotate<T>(IReadOnlyList<T> items) =>
            items.Count == 0 ? [] : Enumerable.Range(0, items.Count).Select(i => items[(i + Offset) % items.Count]);
    }
}
