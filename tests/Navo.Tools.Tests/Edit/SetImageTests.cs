using Navo.Tools.Edit;
using Navo.Tools.Sites;
using static Navo.Tools.Tests.Edit.EditHarness;

namespace Navo.Tools.Tests.Edit;

public sealed class SetImageTests
{
    private static readonly string Shop = new('a', 64);
    private static readonly string Logo = new('b', 64);

    private readonly EditHarness _edits = new();

    public SetImageTests()
    {
        _edits.Images[Shop] = (3000, 2000);
        _edits.Images[Logo] = (400, 400);
    }

    [Fact]
    public void A_photo_goes_into_the_hero_with_its_size_and_alt_as_one_image_added_event()
    {
        var outcome = _edits.Decide(_edits.Project, new SetImage("hero", Image: Shop, Alt: "Our shop front"));

        var added = outcome.Events.Should().ContainSingle().Which.Should().BeOfType<ImageAdded>().Subject;
        added.SectionType.Should().Be("hero");
        added.Image.Should().Be(new ImageRef(Shop, "Our shop front", 3000, 2000));
        added.Previous.Should().BeNull();
        var after = _edits.Apply(_edits.Project, new SetImage("hero", Image: Shop, Alt: "Our shop front"));
        Only(after, "hero").Image.Should().Be(added.Image);
        SiteValidator.Validate(after.Site!).Should().BeEmpty();
    }

    [Fact]
    public void The_logo_goes_in_the_header_and_can_be_described_and_removed_later()
    {
        var withLogo = _edits.Apply(_edits.Project, new SetImage(Image: Logo, Logo: true));
        withLogo.Site!.Logo.Should().Be(new ImageRef(Logo, string.Empty, 400, 400));

        var described = _edits.Apply(withLogo, new SetImage(Alt: "Rosa's Bakery logo", Logo: true));
        described.Site!.Logo!.Alt.Should().Be("Rosa's Bakery logo");

        var removed = _edits.Decide(described, new SetImage(Logo: true, Remove: true));
        removed.Events.Should().ContainSingle().Which.Should().BeOfType<ImageRemoved>();
        _edits.Apply(described, new SetImage(Logo: true, Remove: true)).Site!.Logo.Should().BeNull();
    }

    [Fact]
    public void A_gallery_without_an_item_gets_a_new_photo_at_the_end_and_loses_the_item_with_its_photo()
    {
        var withGallery = _edits.Apply(_edits.Project, new AddSection("gallery", Fields: new Dictionary<string, string> { ["title"] = "Inside" }));
        var one = _edits.Apply(withGallery, new SetImage("gallery", Image: Shop, Alt: "The counter"));
        var two = _edits.Apply(one, new SetImage("gallery", Image: Logo, Alt: "Our sign"));

        Only(two, "gallery").Items.Select(i => i.Image!.Alt).Should().Equal("The counter", "Our sign");
        Only(_edits.Apply(two, new SetImage("gallery", Item: 0, Remove: true)), "gallery").Items.Select(i => i.Image!.Alt).Should().Equal("Our sign");
    }

    [Fact]
    public void A_team_member_gets_a_portrait_and_stops_being_sample()
    {
        var withTeam = _edits.Apply(_edits.Project, new AddSection("team"));
        Only(withTeam, "team").Items.Should().NotBeEmpty();

        var after = _edits.Apply(withTeam, new SetImage("team", Item: 0, Image: Shop, Alt: "Rosa at the oven"));

        Only(after, "team").Items[0].Image!.Alt.Should().Be("Rosa at the oven");
        Only(after, "team").Items[0].Sample.Should().BeFalse();
    }

    [Fact]
    public void Images_not_in_the_library_and_places_that_take_no_photo_are_refused()
    {
        _edits.Refusal(_edits.Project, new SetImage("hero", Image: new string('c', 64))).Should().Be("That image is not in this site's library: upload it first, then use the id it was given.");
        _edits.Refusal(_edits.Project, new SetImage("hero", Image: "../../etc/passwd")).Should().StartWith("That image is not in this site's library");
        _edits.Refusal(_edits.Project, new SetImage("faq", Image: Shop)).Should().StartWith("Photos go in the hero, the about section, a gallery");
        _edits.Refusal(_edits.Project, new SetImage("hero", Item: 1, Image: Shop)).Should().Contain("has one photo");
        _edits.Refusal(_edits.Project, new SetImage(Image: Shop)).Should().StartWith("Say where the image goes");
        _edits.Refusal(_edits.Project, new SetImage("hero", Alt: "x")).Should().StartWith("Say which uploaded image");
        _edits.Refusal(_edits.Project, new SetImage("hero", Image: Shop, Alt: new string('x', 301))).Should().Be("An image description can be at most 300 characters.");
        _edits.Refusal(_edits.Project, new SetImage("hero", Remove: true)).Should().Be("There is no image there to remove.");
    }

    [Fact]
    public void A_redraft_keeps_the_owners_logo_and_photos()
    {
        var placed = _edits.Apply(_edits.Project, new SetImage(Image: Logo, Logo: true, Alt: "Logo"), new SetImage("hero", Image: Shop, Alt: "Shop"));
        var redrafted = SampleSites.Bakery().Site;

        var kept = Navo.Tools.Projects.OwnerText.CarryOver(_edits.Project.Site, placed.Site!, redrafted);

        kept.Logo!.Asset.Should().Be(Logo);
        kept.Pages[0].Sections.Single(s => s.Type == "hero").Image!.Asset.Should().Be(Shop);
    }

    [Fact]
    public void Set_image_reads_from_json_as_design_md_spells_it()
    {
        var (operations, _, error) = EditOperationJson.Read([
            System.Text.Json.JsonDocument.Parse($$"""{"op":"set_image","section":"hero","image":"{{Shop}}","alt":"Shop"}""").RootElement,
            System.Text.Json.JsonDocument.Parse($$"""{"op":"set_image","logo":true,"image":"{{Logo}}"}""").RootElement]);

        error.Should().BeNull();
        operations.Should().Equal(new SetImage("hero", Image: Shop, Alt: "Shop"), new SetImage(Image: Logo, Logo: true));
    }
}
