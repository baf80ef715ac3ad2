using Navo.Tools.Analyze;
using Navo.Tools.Edit;
using Navo.Tools.Projects;
using Navo.Tools.Sites;
using Navo.Tools.Suggest;

namespace Navo.Tools.Tests.Suggest;

/// <summary>What Navo suggests for a site, with and without visitors to quote.</summary>
public sealed class SuggestionProducerTests
{
    private static readonly Actor By = new(Guid.Empty, "test");

    private static readonly AnalyticsFigures Measured = new(Visitors: 500, Pageviews: 800, CtaClicks: 4, CtaClickRate: 0.008, FormSubmissions: 2, ConversionRate: 0.004);

    private static ProjectState With(ProjectState project, Func<Section, Section?> change)
    {
        var site = project.Site!;
        var pages = site.Pages.Select(p => p with { Sections = [.. p.Sections.Select(change).OfType<Section>()] }).ToList();
        return project with { Site = site with { Pages = pages } };
    }

    private static Section Hero(ProjectState project) => project.Site!.Pages.SelectMany(p => p.Sections).First(s => s.Type == "hero");

    private static ProjectState WithButton(string text) =>
        With(SampleSites.BakeryProject(), s => s.Type == "hero" ? s with { Fields = new Dictionary<string, string>(s.Fields) { ["ctaText"] = text } } : s);

    [Theory]
    [InlineData("Learn more")]
    [InlineData("Click here!")]
    [InlineData("SUBMIT")]
    public void A_weak_button_is_changed_to_the_trades_own_words_with_the_click_rate_when_there_were_visitors(string weak)
    {
        var project = WithButton(weak);

        var suggestion = SuggestionProducer.Produce(project, Measured).Should().ContainSingle(s => s.Kind == SuggestionKinds.WeakButton).Subject;

        suggestion.Operations.Should().Equal(new SetText(Hero(project).Id, "ctaText", "Order fresh bread"));
        suggestion.Reason.Should().Be($"Your button says \"{weak}\" and 0.8% of visitors click it.");
        suggestion.Effect.Should().Contain("\"Order fresh bread\" says what happens next");
    }

    [Fact]
    public void Without_visitors_the_reason_quotes_no_figure()
    {
        var quiet = SuggestionProducer.Produce(WithButton("Learn more"), new AnalyticsFigures(3, 3, 1, 0.3333, 0, 0));
        var none = SuggestionProducer.Produce(WithButton("Learn more"), null);

        quiet.Should().BeEquivalentTo(none, "three visitors are not a figure to quote");
        none.Single(s => s.Kind == SuggestionKinds.WeakButton).Reason.Should().Be("Your button says \"Learn more\", which doesn't say what happens when someone presses it.");
        none.Select(s => s.Reason).Should().OnlyContain(r => !r.Contains('%') && !r.Contains("visitors came", StringComparison.Ordinal));
        none.Should().NotContain(s => s.Kind == SuggestionKinds.BuriedContact, "few forms sent is a fact about visitors, said only with figures");
    }

    [Fact]
    public void A_drafted_site_with_a_good_button_and_its_sections_gets_no_suggestion_about_them()
    {
        var suggestions = SuggestionProducer.Produce(SampleSites.BakeryProject(), null);

        suggestions.Should().NotContain(s => s.Kind == SuggestionKinds.WeakButton || s.Kind == SuggestionKinds.MissingContact);
    }

    [Fact]
    public void A_site_without_a_contact_section_gets_one_before_its_footer()
    {
        var project = With(SampleSites.BakeryProject(), s => s.Type == "contact" ? null : s);
        var footer = project.Site!.Pages[0].Sections.First(s => s.Type == "footer");

        var suggestion = SuggestionProducer.Produce(project, Measured).Single(s => s.Kind == SuggestionKinds.MissingContact);

        suggestion.Operations.Should().Equal(new AddSection("contact", Before: footer.Id));
        suggestion.Reason.Should().StartWith("500 visitors came in the last 30 days");
    }

    [Fact]
    public void A_business_without_prices_gets_a_price_list_and_is_told_its_prices_are_sample()
    {
        var project = With(SampleSites.BakeryProject(), s => s.Type == "pricing" ? null : s);

        var suggestion = SuggestionProducer.Produce(project, null).Single(s => s.Kind == SuggestionKinds.MissingPrices);

        suggestion.Operations.Should().ContainSingle().Which.Should().BeOfType<AddSection>().Which.Type.Should().Be("pricing");
        suggestion.Effect.Should().Contain("marked Sample");
    }

    [Fact]
    public void A_long_headline_is_rewritten_shorter()
    {
        var long_ = string.Join(' ', Enumerable.Repeat("fresh", 20));
        var project = With(SampleSites.BakeryProject(), s => s.Type == "hero" ? s with { Fields = new Dictionary<string, string>(s.Fields) { ["headline"] = long_ } } : s);

        var suggestion = SuggestionProducer.Produce(project, null).Single(s => s.Kind == SuggestionKinds.LongHero);

        suggestion.Operations.Should().Equal(new Rewrite(Hero(project).Id, "shorter", "headline"));
        suggestion.Reason.Should().Contain("20 words long");
    }

    [Fact]
    public void A_contact_section_far_down_a_page_that_few_write_from_is_moved_up_after_the_hero()
    {
        var project = SampleSites.BakeryProject();
        var home = project.Site!.Pages[0];
        if (home.Sections.ToList().FindIndex(s => s.Type == "contact") < 5)
        {
            // Push it down with sections the draft already has, so the test does not depend on the pack's order.
            var contact = home.Sections.First(s => s.Type == "contact");
            var others = home.Sections.Where(s => s.Type != "contact" && s.Type != "footer").ToList();
            while (others.Count < 5)
            {
                others.Add(others[^1] with { Id = others[^1].Id + "x" });
            }

            project = project with { Site = project.Site with { Pages = [home with { Sections = [.. others, contact, .. home.Sections.Where(s => s.Type == "footer")] }, .. project.Site.Pages.Skip(1)] } };
        }

        var suggestion = SuggestionProducer.Produce(project, Measured).Single(s => s.Kind == SuggestionKinds.BuriedContact);

        suggestion.Operations.Should().Equal(new MoveSection(project.Site!.Pages[0].Sections.First(s => s.Type == "contact").Id, After: Hero(project).Id));
        suggestion.Reason.Should().StartWith("0.4% of visitors sent the contact form");
    }

    [Fact]
    public void Every_suggestion_says_why_and_what_it_should_change_and_has_operations()
    {
        var project = With(WithButton("Learn more"), s => s.Type is "contact" or "pricing" ? null : s);

        var suggestions = SuggestionProducer.Produce(project, Measured);

        suggestions.Should().HaveCountGreaterThanOrEqualTo(3);
        suggestions.Should().OnlyContain(s => s.Operations.Count > 0 && s.Reason.Length > 0 && s.Effect.Length > 0 && s.Title.Length > 0);
        suggestions.Select(s => s.Key).Should().OnlyHaveUniqueItems();
    }
}
