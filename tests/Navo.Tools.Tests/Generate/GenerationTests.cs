using Navo.Tools.Generate;
using Navo.Tools.Sites;

namespace Navo.Tools.Tests.Generate;

public sealed class GenerationTests
{
    private static readonly GenerationPipeline Pipeline = new(LocalSteps.All);

    public static TheoryData<string, string, string[], string[]> Businesses => new()
    {
        { "bakery", "Rosa's Bakery is a bakery in Porto. We bake sourdough bread, croissants and custard tarts.", ["sourdough bread", "croissants and custard tarts"], ["hero", "testimonials"] },
        { "restaurant", "\"Casa Verde\" is a family restaurant in Lisbon serving grilled fish, seafood rice and local wine.", ["grilled fish", "seafood rice"], ["hero", "about"] },
        { "fitness", "Flow Studio is a yoga studio in Braga. We offer vinyasa classes, prenatal yoga and meditation.", ["vinyasa classes", "prenatal yoga"], ["pricing", "features"] },
        { "beauty", "Glow Hair is a hair salon in Coimbra offering haircuts, balayage and bridal styling.", ["haircuts", "balayage"], ["services", "pricing"] },
        { "photography", "Lens & Light is a photography studio in Faro. We do wedding photography, portraits and product shoots.", ["wedding photography", "portraits"], ["services", "pricing"] },
        { "realestate", "Casa Nova Homes is a real estate agency in Cascais offering home sales, rentals and property valuations.", ["home sales", "rentals"], ["stats", "team"] },
        { "professional", "Silva Accounting is an accounting firm in Porto providing tax returns, bookkeeping and payroll.", ["tax returns", "bookkeeping"], ["services", "cta"] },
        { "software", "Tasklane is a software app for small teams. We provide task automation, time tracking and invoicing.", ["task automation", "time tracking"], ["pricing", "features"] },
        { "trades", "Ferreira Plumbing is a plumber in Aveiro. We fix leaks, boilers and blocked drains.", ["leaks", "boilers"], ["services", "cta"] },
        { "health", "Sorriso Dental is a dental clinic in Setúbal offering check-ups, whitening and braces.", ["check-ups", "whitening"], ["team", "services"] },
        { "nonprofit", "Mãos Dadas is a charity in Évora providing meals, tutoring and winter clothing for families.", ["meals", "tutoring"], ["stats", "cta"] },
        { "events", "Bela Festa is a wedding planner in Sintra offering wedding planning, floral design and catering.", ["wedding planning", "floral design"], ["services", "pricing"] },
        { "makers", "Barro & Co is a pottery studio in Caldas. We sell handmade mugs, plates and vases.", ["handmade mugs", "plates"], ["services", "pricing"] },
    };

    [Theory]
    [MemberData(nameof(Businesses))]
    public async Task Each_industry_pack_puts_the_business_and_its_offerings_into_fitting_sections(
        string industry, string description, string[] offerings, string[] expectedSections)
    {
        var result = await Pipeline.RunAsync(new GenerationRequest(description));

        result.Brief.Industry.Should().Be(industry);
        var html = result.HomeHtml;
        html.Should().Contain(Escape(result.Brief.BusinessName));
        result.Brief.BusinessName.Should().NotBeNullOrWhiteSpace();
        foreach (var offering in offerings)
        {
            html.Should().ContainEquivalentOf(offering);
        }

        var types = result.Site.Pages[0].Sections.Select(s => s.Type).ToList();
        types.Should().StartWith("hero").And.EndWith("footer").And.Contain(expectedSections);
        SiteValidator.Validate(result.Site).Should().BeEmpty();
        result.Steps.Select(s => s.Step).Should().Contain(["brief", "palette", "hero-copy", "assemble", "validate", "render"]);
    }

    [Fact]
    public async Task The_brief_names_the_business_place_and_offerings_from_the_users_words()
    {
        var result = await Pipeline.RunAsync(new GenerationRequest("Rosa's Bakery is a bakery in Porto. We bake sourdough bread, croissants and custard tarts for families."));

        result.Brief.Should().BeEquivalentTo(new
        {
            BusinessName = "Rosa's Bakery",
            Industry = "bakery",
            Place = "Porto",
            Offerings = new[] { "sourdough bread", "croissants and custard tarts" },
        }, options => options.ExcludingMissingMembers());
    }

    [Fact]
    public async Task Two_businesses_of_one_industry_never_get_the_same_page()
    {
        var first = await Pipeline.RunAsync(new GenerationRequest("Rosa's Bakery is a bakery in Porto selling sourdough."));
        var second = await Pipeline.RunAsync(new GenerationRequest("Pão Quente is a bakery in Porto selling sourdough."));

        first.HomeHtml.Should().NotBe(second.HomeHtml);
    }

    [Fact]
    public async Task Businesses_of_one_kind_get_different_copy_and_colours_not_the_same_page_with_another_name()
    {
        string[] names = ["Muddy Paws", "Waggy Tails", "The Dog House", "Bark & Bubbles", "Pampered Pooch", "Fluff Stop", "Scruff Club", "Top Dog"];
        string[] places = ["Leeds", "Bath", "Hove", "Ayr", "Truro", "Ripon", "Poole", "Selby"];
        var pages = new List<string>();
        for (var i = 0; i < names.Length; i++)
        {
            var draft = await Pipeline.RunAsync(new GenerationRequest($"{names[i]} is a dog groomer in {places[i]}."));
            draft.Brief.Kind.Should().Be("dog_groomer");
            var home = draft.Site.Pages[0].Sections;
            var copy = string.Join("|", home.Where(s => s.Type is "hero" or "about").SelectMany(s => s.Fields.Values)) + draft.Site.Theme.PrimaryColor;
            pages.Add(copy.Replace(names[i], "NAME", StringComparison.Ordinal).Replace(places[i], "PLACE", StringComparison.Ordinal));
        }

        pages.Distinct().Should().HaveCountGreaterThanOrEqualTo(6, "eight dog groomers should not read as one page with the name swapped");
    }

    [Fact]
    public async Task An_unknown_industry_still_gets_a_sensible_site_from_the_users_own_words()
    {
        var result = await Pipeline.RunAsync(new GenerationRequest("Zephyr Kites sells stunt kites in Nazaré."));

        result.Brief.Industry.Should().Be("general");
        result.HomeHtml.Should().Contain("Zephyr Kites").And.Contain("stunt kites").And.Contain("Nazaré");
        SiteValidator.Validate(result.Site).Should().BeEmpty();
    }

    [Theory]
    [InlineData("Build a site for Casa Azul, a restaurant in Faro serving grilled fish and local wine")]
    [InlineData("Please make me a website for Casa Azul, a restaurant in Faro. We serve grilled fish and local wine.")]
    [InlineData("Create a landing page for Casa Azul, a restaurant in Faro serving grilled fish and local wine")]
    public void Asking_for_a_site_is_not_read_as_something_the_business_offers(string description)
    {
        // Regression: "Build a site for ..." gave the offering "a site" (seen in the studio's screenshot).
        var brief = BriefReader.Read(description);

        brief.BusinessName.Should().Be("Casa Azul");
        brief.Offerings.Should().Equal("grilled fish and local wine");
    }

    [Fact]
    public async Task An_explicit_business_name_and_industry_win_over_what_is_guessed()
    {
        var result = await Pipeline.RunAsync(new GenerationRequest("we make bread and cakes", BusinessName: "Forno Azul", Industry: "bakery"));

        (result.Brief.BusinessName, result.Brief.Industry).Should().Be(("Forno Azul", "bakery"));
    }

    [Fact]
    public async Task Generation_is_cancellable_and_reports_progress_for_every_step()
    {
        var reports = new List<StepProgress>();
        await Pipeline.RunAsync(new GenerationRequest("A bakery in Porto"), new SynchronousProgress(reports.Add));
        reports.Should().HaveCount(LocalSteps.All.Count);
        reports[^1].Should().Be(new StepProgress("render", LocalSteps.All.Count, LocalSteps.All.Count));

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var run = () => Pipeline.RunAsync(new GenerationRequest("A bakery"), cancellationToken: cancelled.Token);
        await run.Should().ThrowAsync<OperationCanceledException>();
    }

    private static string Escape(string text) => Navo.Tools.Rendering.SiteRenderer.E(text);

    private sealed class SynchronousProgress(Action<StepProgress> report) : IProgress<StepProgress>
    {
        public void Report(StepProgress value) => report(value);
    }
}
