using Navo.Tools.Experiments;
using Navo.Tools.Projects;
using Navo.Tools.Publish;
using Navo.Tools.Sites;

namespace Navo.Tools.Tests.Experiments;

/// <summary>Deciding a start against the live document, and what experiment events do to the project's state.</summary>
public sealed class ExperimentDeciderTests
{
    private static readonly Actor Owner = new(Guid.Empty, "test");

    private static ProjectState Live()
    {
        var state = SampleSites.BakeryProject();
        return state.Apply(new SitePublished(state.Version, "rosas-bakery", new Dictionary<string, string>(), 1, Owner, new Dictionary<string, double>()), state.Version + 1);
    }

    private static string HeroButton(ProjectState state) => SiteReferences.FindSection(state.Site!, "hero")!.Value.Section.Fields["ctaText"];

    [Fact]
    public void A_start_on_the_hero_button_takes_the_live_text_as_the_original()
    {
        var state = Live();

        var decision = ExperimentDecider.Start(state, state.Site, "hero", "ctaText", "  Book a table ", Owner);

        decision.Error.Should().BeNull();
        decision.Started!.Original.Should().Be(HeroButton(state));
        decision.Started.Variant.Should().Be("Book a table");
        decision.Started.SectionType.Should().Be("hero");
        decision.Started.LiveVersion.Should().Be(state.Live!.Version);
    }

    [Theory]
    [InlineData("gallery#4", "title", "Hi", ExperimentOutcome.Invalid)]
    [InlineData("hero", "ctaLink", "https://example.com", ExperimentOutcome.Invalid)]
    [InlineData("hero", "nope", "Hi", ExperimentOutcome.Invalid)]
    [InlineData("hero", "ctaText", "", ExperimentOutcome.Invalid)]
    public void An_impossible_start_is_refused(string section, string field, string variant, ExperimentOutcome outcome)
    {
        var state = Live();

        ExperimentDecider.Start(state, state.Site, section, field, variant, Owner).Outcome.Should().Be(outcome);
    }

    [Fact]
    public void A_site_that_is_not_live_cannot_start_one()
    {
        var state = SampleSites.BakeryProject();

        ExperimentDecider.Start(state, state.Site, "hero", "ctaText", "Book a table", Owner).Outcome.Should().Be(ExperimentOutcome.Conflict);
    }

    [Fact]
    public void Starting_and_stopping_leave_the_document_and_undo_alone_and_applying_is_one_undo_step()
    {
        var live = Live();
        var started = ExperimentDecider.Start(live, live.Site, "hero", "ctaText", "Book a table", Owner).Started!;

        var running = live.Apply(started, live.Version + 1);
        var stopped = running.Apply(new ExperimentConcluded(started.ExperimentId, ExperimentOutcomes.Stopped, new(0, 0), new(0, 0), null, Owner), running.Version + 1);
        var variantSite = ExperimentDecider.WithField(live.Site!, started.SectionId, "ctaText", "Book a table");
        var applied = running.Apply(new ExperimentConcluded(started.ExperimentId, ExperimentOutcomes.Applied, new(500, 40), new(500, 70), variantSite, Owner), running.Version + 1);

        running.Site.Should().BeSameAs(live.Site);
        running.UndoStack.Should().Equal(live.UndoStack);
        running.FindExperiment(started.ExperimentId)!.IsRunning.Should().BeTrue();
        ExperimentDecider.Start(running, running.Site, "hero", "headline", "Cakes", Owner).Outcome.Should().Be(ExperimentOutcome.Conflict, "one experiment runs at a time");
        stopped.Site.Should().BeSameAs(live.Site);
        stopped.UndoStack.Should().Equal(live.UndoStack);
        stopped.FindExperiment(started.ExperimentId)!.Status.Should().Be(ExperimentOutcomes.Stopped);
        HeroButton(applied).Should().Be("Book a table");
        applied.UndoStack.Peek().Should().Be(running.Version);
        applied.FindExperiment(started.ExperimentId)!.Status.Should().Be(ExperimentOutcomes.Applied);
    }
}
