using Navo.Tools.Rendering;
using Navo.Tools.Sites;

namespace Navo.Tools.Generate;

/// <summary>
/// The local engine's steps: brief -> palette, hero copy, features, social proof, pricing, faq, contact, seo ->
/// assemble -> validate -> render. Register each as an <see cref="IGenerationStep"/>.
/// </summary>
public static class LocalSteps
{
    private static readonly LocalCopywriter Writer = new();

    /// <summary>The steps that write sections, and the section types each writes: a model-backed engine replaces these.</summary>
    public static IReadOnlyDictionary<string, string[]> SectionSteps { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["hero-copy"] = ["hero"],
        ["features"] = ["about", "text", "features", "services", "gallery", "team"],
        ["social-proof"] = ["testimonials", "stats"],
        ["pricing"] = ["pricing"],
        ["faq"] = ["faq"],
        ["contact"] = ["contact", "cta", "hours", "footer"],
    };

    public static IReadOnlyList<IGenerationStep> All { get; } =
    [
        new Step("brief", [], ctx =>
        {
            var r = ctx.Request;
            var brief = BriefReader.Read(r.Description, r.BusinessName, r.Industry, r.Tone, r.Place);
            ctx.Set(GenerationKeys.Brief, r.Earlier is { } earlier ? BriefReader.Keep(brief, earlier) : brief);
        }),
        new Step("palette", ["brief"], ctx => ctx.Set(GenerationKeys.Theme, ThemeFor(ctx.Get<Brief>(GenerationKeys.Brief)))),
        Sections("hero-copy"),
        Sections("features"),
        Sections("social-proof"),
        Sections("pricing"),
        Sections("faq"),
        Sections("contact"),
        new Step("seo", ["brief"], ctx =>
        {
            var brief = ctx.Get<Brief>(GenerationKeys.Brief);
            var what = Templates.UpperFirst(brief.KindLabel ?? ContentPack.For(brief.Industry).Label);
            var title = brief.Place is null ? $"{brief.BusinessName} — {what}" : $"{brief.BusinessName} — {what} in {brief.Place}";
            var description = Templates.Fill("{name}{inPlace}: {offerings}.", brief, LocalCopywriter.Offerings(brief), null);
            ctx.Set(GenerationKeys.Seo, new Seo(Trim(title, 200), Trim(description, 300)));
        }),
        new Step("assemble", ["palette", "hero-copy", "features", "social-proof", "pricing", "faq", "contact", "seo"], ctx =>
        {
            var brief = ctx.Get<Brief>(GenerationKeys.Brief);
            var pack = ContentPack.For(brief.Industry);
            var taken = new HashSet<string>(StringComparer.Ordinal);
            var home = Ids.Next('p', $"{brief.BusinessName}:home", taken);
            Sites.Section Drafted(string type) =>
                ctx.Get<Sites.Section>(GenerationKeys.Section(type)) with { Id = Ids.Next('s', $"{brief.BusinessName}:{ctx.Request.Seed}:{type}", taken) };
            var types = SectionsFor(brief, pack);
            var pages = new List<Page>();
            if (PricesPage(brief))
            {
                // A menu or price list the owner gave gets its own page; the home page keeps everything else.
                types = [.. types.Where(t => t != "pricing")];
                var title = pack.PricesTitle;
                pages.Add(new Page(Ids.Next('p', $"{brief.BusinessName}:prices", taken), title, "/" + Slugs.From(title), [Drafted("pricing")]));
            }

            pages.Insert(0, new Page(home, "Home", "/", [.. types.Select(Drafted)]));
            ctx.Set(GenerationKeys.Site, new Site(
                brief.BusinessName, Slugs.From(brief.BusinessName), ctx.Get<Theme>(GenerationKeys.Theme), ctx.Get<Seo>(GenerationKeys.Seo), pages));
        }),
        new Step("validate", ["assemble"], ctx =>
        {
            var problems = SiteValidator.Validate(ctx.Get<Site>(GenerationKeys.Site));
            if (problems.Count > 0)
            {
                throw new InvalidOperationException("The draft broke the site model: " + string.Join(" ", problems));
            }
        }),
        new Step("render", ["validate"], ctx =>
        {
            var site = ctx.Get<Site>(GenerationKeys.Site);
            ctx.Set(GenerationKeys.HomeHtml, SiteRenderer.RenderPage(site, site.Pages[0], new RenderOptions(string.Empty)));
        }),
    ];

    /// <summary>
    /// The home page's sections for a brief: the pack's, never a gallery without photos, the owner's prices when they
    /// gave some, and their opening hours before the contact section.
    /// </summary>
    public static IReadOnlyList<string> SectionsFor(Brief brief, ContentPack pack)
    {
        var types = pack.Sections.Where(t => t != "gallery").ToList();
        if (brief.Facts.Prices.Count > 0 && !types.Contains("pricing"))
        {
            types.Insert(Math.Max(1, types.IndexOf("testimonials") is var at and >= 0 ? at : types.Count - 2), "pricing");
        }

        if ((brief.Facts.Hours.Count > 0 || brief.Facts.HoursSaid is not null) && !types.Contains("hours"))
        {
            types.Insert(types.IndexOf("contact") is var at and >= 0 ? at : Math.Max(1, types.Count - 1), "hours");
        }

        return types;
    }

    /// <summary>A price list of four or more gets its own page, unless the owner asked for one page.</summary>
    public static bool PricesPage(Brief brief) => brief.Facts.Prices.Count >= 4 && !brief.OnePage;

    /// <summary>The palette of the pack, varied by the business and nudged by the tone.</summary>
    public static Theme ThemeFor(Brief brief)
    {
        var pack = ContentPack.For(brief.Industry);
        var palette = pack.Palettes[(int)(LocalCopywriter.Seed(brief.BusinessName) % (uint)pack.Palettes.Count)];
        var theme = new Theme(
            Enum.Parse<ThemeMode>(palette.Mode, ignoreCase: true), palette.PrimaryColor,
            Enum.Parse<ThemeFont>(palette.Font, ignoreCase: true), Enum.Parse<ThemeRadius>(palette.Radius, ignoreCase: true));
        return brief.Tone switch
        {
            "elegant" => theme with { Font = ThemeFont.Serif, Radius = ThemeRadius.Small },
            "friendly" => theme with { Radius = ThemeRadius.Large },
            "bold" => theme with { Mode = ThemeMode.Dark },
            _ => theme,
        };
    }

    private static Step Sections(string name) => new(name, ["brief"], ctx =>
    {
        var brief = ctx.Get<Brief>(GenerationKeys.Brief);
        var types = SectionsFor(brief, ContentPack.For(brief.Industry));
        foreach (var type in SectionSteps[name].Where(types.Contains))
        {
            ctx.Set(GenerationKeys.Section(type), Writer.Draft(type, brief, string.Empty, ctx.Request.Seed));
        }
    });

    private static string Trim(string text, int max) => text.Length <= max ? text : text[..max];

    private sealed class Step(string name, IReadOnlyList<string> dependsOn, Action<GenerationContext> run) : IGenerationStep
    {
        public string Name { get; } = name;

        public IReadOnlyList<string> DependsOn { get; } = dependsOn;

        public Task RunAsync(GenerationContext context, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            run(context);
            return Task.CompletedTask;
        }
    }
}
