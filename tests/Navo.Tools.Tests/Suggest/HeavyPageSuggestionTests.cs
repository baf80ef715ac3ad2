using Navo.Tools.Edit;
using Navo.Tools.Projects;
using Navo.Tools.Sites;
using Navo.Tools.Suggest;
using Navo.Tools.Tests.Edit;

namespace Navo.Tools.Tests.Suggest;

/// <summary>The "heavy page" suggestion: a page whose HTML and photos weigh over the budget loses its heaviest photos.</summary>
public sealed class HeavyPageSuggestionTests
{
    private static readonly string Hero = new('1', 64), G1 = new('2', 64), G2 = new('3', 64), G3 = new('4', 64);

    private readonly EditHarness _harness = new();

    /// <summary>The bakery with a hero photo and a gallery of three photos, as the owner would place them.</summary>
    private ProjectState WithPhotos()
    {
        foreach (var asset in new[] { Hero, G1, G2, G3 })
        {
            _harness.Images[asset] = (1920, 1280);
        }

        return _harness.Apply(_harness.Project,
            new SetImage(Section: "hero", Image: Hero, Alt: "A loaf on the counter"),
            new AddSection("gallery", To: "bottom"),
            new SetImage(Section: "gallery", Image: G1, Alt: "Custard tarts"),
            new SetImage(Section: "gallery", Image: G2, Alt: "Croissants"),
            new SetImage(Section: "gallery", Image: G3, Alt: "The oven"));
    }

    private static SiteWeight Weights(long hero, long g1, long g2, long g3) =>
        new(new Dictionary<string, long> { [Hero] = hero, [G1] = g1, [G2] = g2, [G3] = g3 });

    private static IEnumerable<string> Assets(ProjectState project) => SiteImages.All(project.Site!).Select(i => i.Image.Asset);

    [Fact]
    public void A_page_over_the_budget_loses_its_heaviest_photo_and_says_what_it_weighs_before_and_after()
    {
        var project = WithPhotos();

        var suggestion = SuggestionProducer.Produce(project, null, Weights(300_000, 450_000, 50_000, 420_000))
            .Should().ContainSingle(s => s.Kind == SuggestionKinds.HeavyPage).Subject;

        suggestion.Title.Should().MatchRegex("^Make the home page lighter: take off photo [0-9]+ of the gallery$");
        suggestion.Reason.Should().StartWith("The home page weighs 1.2 MB, 1.2 MB of it in 4 images; on a phone connection that is seconds before it shows.")
            .And.NotContain("visitors");
        suggestion.Effect.Should().MatchRegex(@"^Without photo [0-9]+ of the gallery \(0\.5 MB\) the page weighs 0\.8 MB and shows sooner, most of all on phones; its other photos stay\.$");
        suggestion.Operations.Should().ContainSingle().Which.Should().BeOfType<SetImage>().Which.Remove.Should().BeTrue();
        var applied = _harness.Apply(project, [.. suggestion.Operations]);
        Assets(applied).Should().BeEquivalentTo([Hero, G2, G3]);
    }

    [Fact]
    public void Several_heavy_gallery_photos_go_in_one_suggestion_the_later_ones_first_and_never_the_logo()
    {
        var project = WithPhotos();

        var suggestion = SuggestionProducer.Produce(project, null, Weights(500_000, 600_000, 50_000, 700_000)).Single(s => s.Kind == SuggestionKinds.HeavyPage);

        suggestion.Title.Should().Be("Make the home page lighter: take off the 2 heaviest photos");
        suggestion.Operations.Cast<SetImage>().Select(o => o.Item).Should().BeInDescendingOrder();
        var applied = _harness.Apply(project, [.. suggestion.Operations]);
        Assets(applied).Should().BeEquivalentTo([Hero, G2], "the two heaviest went, and each operation pointed at the photo it meant");
    }

    [Fact]
    public void A_light_page_or_a_site_whose_weight_is_not_known_gets_no_heavy_page_suggestion()
    {
        var project = WithPhotos();

        SuggestionProducer.Produce(project, null, Weights(200_000, 200_000, 200_000, 200_000)).Should().NotContain(s => s.Kind == SuggestionKinds.HeavyPage);
        SuggestionProducer.Produce(project, null).Should().NotContain(s => s.Kind == SuggestionKinds.HeavyPage);
    }
}
