using System.Text;
using Navo.Tools.Edit;
using Navo.Tools.Sites;

namespace Navo.Tools.Generate;

/// <summary>
/// The local engine's copy: fills a pack's templates with the brief (name, kind, place, offerings, audience), picking
/// variants by a seed from the business, so two businesses never get the same page. The owner's facts go in as they
/// gave them (prices, hours, contacts, the year they started, languages); what Navo writes without them — reviews,
/// team members, figures, FAQ answers, prices — is marked sample.
/// </summary>
public sealed class LocalCopywriter : ISectionWriter
{
    public Section Draft(string type, Brief? brief, string sectionId, string seed)
    {
        brief ??= new Brief(BriefReader.PlaceholderName, "general", null, [], null, "professional", string.Empty);
        var pack = ContentPack.For(brief.Industry);
        var kind = Kinds.Find(brief.Kind);
        var pick = new Picker(Seed(brief.BusinessName + "|" + brief.Description + "|" + seed + "|" + type));
        var offerings = Offerings(brief);
        string Fill(string template, string? offering = null) => Templates.Fill(template, brief, offerings, offering);
        var facts = brief.Facts;

        return type switch
        {
            "hero" => Make(sectionId, type, ("headline", Fill(pick.One(pack.Headlines))), ("subheadline", Fill(pick.One(pack.Subheadlines))),
                ("ctaText", kind?.CallToAction ?? pick.One(pack.CallsToAction)), ("ctaLink", ButtonLink(kind?.CallToAction, facts.Phone))),
            "about" => Make(sectionId, type, ("title", $"About {brief.BusinessName}"), ("body", About(brief, Fill(pick.One(pack.About))))),
            "text" => Make(sectionId, type, ("title", brief.BusinessName), ("body", Fill(pick.One(pack.About)))),
            "features" or "services" => Make(sectionId, type, [("title", type == "services" ? "What we offer" : $"What {brief.BusinessName} offers")],
                [.. offerings.Take(BriefReader.MaxOfferings).Select((o, i) => SectionItem.Of(("title", Templates.UpperFirst(o)), ("text", Fill(pack.FeatureTexts[(i + pick.Offset) % pack.FeatureTexts.Count], o))))]),
            "gallery" => Make(sectionId, type, [("title", $"A look at {brief.BusinessName}")], []),
            "testimonials" => Make(sectionId, type, [("title", "What people say")], [.. pick.Rotate(pack.Testimonials).Select(t => FromTemplate(t, Fill) with { Sample = true })]),
            "faq" => Make(sectionId, type, [("title", "Questions, answered")], [.. pick.Rotate(pack.Faq).Select(t => FromTemplate(t, Fill) with { Sample = true })]),
            "stats" => Make(sectionId, type, [("title", $"{brief.BusinessName} in numbers")], Stats(brief, pack, Fill)),
            "pricing" => Make(sectionId, type, [("title", pack.PricesTitle)], Prices(brief, pack)),
            "team" => Make(sectionId, type, [("title", $"The people behind {brief.BusinessName}")],
                [SectionItem.Of(("name", "Your name"), ("role", "Founder"), ("bio", "Tell visitors who you are and why you started.")) with { Sample = true }]),
            "cta" => Make(sectionId, type, ("headline", $"Ready when you are — {brief.BusinessName}"),
                ("text", Fill(pick.One(pack.Subheadlines))), ("buttonText", kind?.CallToAction ?? pick.One(pack.CallsToAction)), ("buttonLink", "#contact")),
            "contact" => Make(sectionId, type, ("title", "Get in touch"),
                ("text", Templates.Fill("Questions, bookings or just hello — write to {name} using the form below.", brief, offerings, null)
                    + (facts.Social.Count > 0 ? $" Find us on {string.Join(" and ", facts.Social)}." : string.Empty)),
                ("email", facts.Email ?? string.Empty), ("phone", facts.Phone ?? string.Empty), ("address", facts.Address ?? brief.Place ?? string.Empty), ("submitText", "Send")),
            // Navo never invents opening hours: the owner gives them, and until then the note says to ask.
            "hours" => facts.Hours.Count > 0 || facts.HoursSaid is not null
                ? Make(sectionId, type, [("title", "Opening hours"), ("note", facts.HoursSaid is { } said ? Templates.UpperFirst(said) + "." : string.Empty)], [.. facts.Hours.Select(Row)])
                : Make(sectionId, type, ("title", "Opening hours"), ("note", Templates.Fill("Get in touch to check when {name} is open.", brief, offerings, null))),
            "footer" => Make(sectionId, type, ("text", Templates.Fill("© {name}{inPlace}", brief, offerings, null))),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown section type."),
        };
    }

    /// <summary>What the business offers: the owner's words first; without them, what almost every business of its kind offers.</summary>
    public static IReadOnlyList<string> Offerings(Brief brief) =>
        brief.Offerings.Count > 0 ? brief.Offerings
        : Kinds.Find(brief.Kind)?.Offerings is { Count: > 0 } typical ? typical
        : brief.KindLabel is { } label ? [label]
        : [];

    /// <summary>"Call a locksmith" rings the number the owner gave; every other button goes to the contact form.</summary>
    private static string ButtonLink(string? button, string? phone) =>
        phone is not null && button is not null && (button.StartsWith("Call", StringComparison.Ordinal) || button.StartsWith("Ring", StringComparison.Ordinal))
            ? "tel:" + new string([.. phone.Where(c => char.IsDigit(c) || c == '+')])
            : "#contact";

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

    /// <summary>The pack's about text, then what the owner said about the business in their own sentences and facts.</summary>
    private static string About(Brief brief, string template)
    {
        var paragraphs = new List<string> { template };
        var own = OwnWords.Sentences(brief.Description, brief.BusinessName);
        if (own.Count > 0)
        {
            paragraphs.Add(string.Join(' ', own));
        }

        var facts = new List<string>();
        if (brief.Facts.Since is { } since)
        {
            facts.Add($"{brief.BusinessName} has been going since {since}.");
        }

        if (brief.Facts.Languages.Count > 0)
        {
            facts.Add($"We speak {Templates.JoinList(brief.Facts.Languages)}.");
        }

        if (facts.Count > 0)
        {
            paragraphs.Add(string.Join(' ', facts));
        }

        // "24/7 emergency call outs", "12 yrs", "fully insured": what the owner said in passing, as they said it, unless
        // their own sentences above already carry it.
        var said = string.Join('\n', paragraphs);
        var highlights = brief.Facts.Highlights.Where(h => !said.Contains(h, StringComparison.OrdinalIgnoreCase)).ToList();
        if (highlights.Count > 0)
        {
            paragraphs.Add("Good to know: " + string.Join(" · ", highlights.Select(Templates.UpperFirst)) + ".");
        }

        return string.Join('\n', paragraphs);
    }

    private static SectionItem Row(HoursRow row) => row.Text is { Length: > 0 } text
        ? SectionItem.Of(("days", row.Days), ("text", text))
        : SectionItem.Of(("days", row.Days), ("opens", row.Opens ?? string.Empty), ("closes", row.Closes ?? string.Empty));

    /// <summary>The owner's prices as they gave them; without any, the pack's, marked sample and in the owner's currency when known.</summary>
    private static IReadOnlyList<SectionItem> Prices(Brief brief, ContentPack pack)
    {
        if (brief.Facts.Prices.Count > 0)
        {
            return [.. brief.Facts.Prices.Take(SectionCatalog.MaxItemsPerSection).Select(p => new SectionItem(
                new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["name"] = p.Item.Length > 0 ? Templates.UpperFirst(p.Item) : "Price",
                    // "$60/hr" as the owner wrote it; the period read from it stays in the brief.
                    ["price"] = (p.From ? "from " : string.Empty) + (p.Said ?? p.Price),
                    ["period"] = p.Period is null || p.Said is not null ? string.Empty : $"per {p.Period}",
                    ["ctaText"] = string.Empty,
                },
                []))];
        }

        var currency = "£";
        return [.. pack.Pricing.Select(p => new SectionItem(
            new Dictionary<string, string>(StringComparer.Ordinal) { ["name"] = p.Name, ["price"] = currency + p.Price, ["period"] = p.Period, ["ctaText"] = "Ask about this" },
            [.. p.Features],
            Sample: true))];
    }

    /// <summary>The pack's figures, marked sample; the year the owner started is a real one.</summary>
    private static IReadOnlyList<SectionItem> Stats(Brief brief, ContentPack pack, Func<string, string?, string> fill)
    {
        var sample = pack.Stats.Select(t => FromTemplate(t, fill) with { Sample = true });
        return brief.Facts.Since is { } since ? [SectionItem.Of(("value", since), ("label", "going since")), .. sample] : [.. sample];
    }

    private static SectionItem FromTemplate(PackItem template, Func<string, string?, string> fill) =>
        new(template.Fields.ToDictionary(f => f.Key, f => fill(f.Value, null), StringComparer.Ordinal), []);

    private static Section Make(string id, string type, params (string Field, string Value)[] fields) => Make(id, type, fields, []);

    private static Section Make(string id, string type, (string Field, string Value)[] fields, IReadOnlyList<SectionItem> items) =>
        new(id, type, fields.ToDictionary(f => f.Field, f => f.Value, StringComparer.Ordinal), items);

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
