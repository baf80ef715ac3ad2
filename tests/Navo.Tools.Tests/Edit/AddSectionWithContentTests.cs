using System.Text.Json;
using Navo.Tools.Edit;
using Navo.Tools.Sites;
using static Navo.Tools.Tests.Edit.EditHarness;

namespace Navo.Tools.Tests.Edit;

public sealed class AddSectionWithContentTests
{
    private readonly EditHarness _edits = new();

    private static SectionItem Price(string name, string price, string? period = null) =>
        period is null ? SectionItem.Of(("name", name), ("price", price)) : SectionItem.Of(("name", name), ("price", price), ("period", period));

    [Fact]
    public void A_price_list_the_owner_gave_replaces_the_drafted_plans_entirely()
    {
        var after = _edits.Apply(_edits.Project, new AddSection("pricing", Items: [Price("Haircut", "£20"), Price("Beard trim", "£10"), Price("Membership", "£30", "month")]));

        var pricing = Only(after, "pricing");
        pricing.Items.Select(i => (i.Field("name"), i.Field("price"), i.Field("period"))).Should()
            .Equal(("Haircut", "£20", ""), ("Beard trim", "£10", ""), ("Membership", "£30", "month"));
        pricing.Items.Should().OnlyContain(i => i.Features.Count == 0 && !i.Fields.ContainsKey("ctaText"), "nothing invented is mixed in");
        pricing.Field("title").Should().NotBeEmpty("fields the owner did not give are drafted");
    }

    [Fact]
    public void A_section_of_content_goes_above_the_contact_form_that_ends_the_page_and_a_call_to_action_below_it()
    {
        Types(_edits.Project)[^2..].Should().Equal("contact", "footer");

        // Regression: "add a section about our gluten free range" put it below the contact form.
        Types(_edits.Apply(_edits.Project, new AddSection("faq")))[^3..].Should().Equal("faq", "contact", "footer");
        Types(_edits.Apply(_edits.Project, new AddSection("cta")))[^3..].Should().Equal("contact", "cta", "footer");
        Types(_edits.Apply(_edits.Project, new AddSection("faq", To: "bottom")))[^1].Should().Be("faq", "the bottom is the bottom when asked");
    }

    [Fact]
    public void Given_fields_replace_drafted_ones_and_values_are_trimmed()
    {
        var after = _edits.Apply(_edits.Project, new AddSection("cta", Fields: new Dictionary<string, string>
        {
            ["headline"] = "  Order a cake ",
            ["buttonLink"] = "tel:+351210000000",
        }));

        Only(after, "cta").Field("headline").Should().Be("Order a cake");
        Only(after, "cta").Field("buttonLink").Should().Be("tel:+351210000000");
        Only(after, "cta").Field("buttonText").Should().NotBeEmpty();
    }

    [Fact]
    public void Hours_can_be_added_with_their_rows()
    {
        var after = _edits.Apply(_edits.Project, new AddSection("hours", Items: [SectionItem.Of(("days", "Mon-Fri"), ("opens", "08:00"), ("closes", "16:00"))]));

        Only(after, "hours").Items.Select(OpeningHours.Describe).Should().Equal("Mon-Fri 08:00–16:00");
    }

    [Fact]
    public void Content_that_does_not_fit_the_type_or_its_limits_is_refused_and_nothing_is_written()
    {
        var refusals = new[]
        {
            new AddSection("pricing", Items: [SectionItem.Of(("name", "Cut"), ("colour", "red"))]),
            new AddSection("pricing", Fields: new Dictionary<string, string> { ["headline"] = "Prices" }),
            new AddSection("about", Items: [SectionItem.Of(("title", "x"))]),
            new AddSection("faq", Items: [new SectionItem(new Dictionary<string, string> { ["question"] = "Q" }, ["a feature"])]),
            new AddSection("pricing", Items: [SectionItem.Of(("name", " "))]),
            new AddSection("pricing", Items: [.. Enumerable.Range(0, 51).Select(i => Price($"Item {i}", "£1"))]),
            new AddSection("hero", Fields: new Dictionary<string, string> { ["headline"] = new string('h', 201) }),
            new AddSection("hero", Fields: new Dictionary<string, string> { ["ctaLink"] = "javascript:alert(1)" }),
            new AddSection("faq", Items: [SectionItem.Of(("question", "Why?\u0007"))]),
            new AddSection("hours", Items: [SectionItem.Of(("days", "Mon"), ("opens", "8am"), ("closes", "16:00"))]),
        };

        var reasons = refusals.Select(op => _edits.Refusal(_edits.Project, op)).ToList();

        reasons.Should().Equal(
            "An item of a pricing section has no colour. It has: name, price, period, button text.",
            "A pricing section has no headline. It has: title.",
            "An about section has no items.",
            "An item of a FAQ has no features list.",
            "Item 1 is empty: give it some text, or leave it out.",
            "A section can have at most 50 items.",
            "The headline can be at most 200 characters.",
            "A button link must start with https://, http://, mailto:, tel:, / or #.",
            "The question cannot contain control characters.",
            "Times are written as 24-hour HH:mm, like 09:00 or 17:30: '8am' is not one.");
    }

    [Fact]
    public void A_price_list_reads_from_json_as_the_owner_gave_it()
    {
        var json = """[{"op":"add_section","type":"pricing","items":[{"name":"Haircut","price":"£20"},{"name":"Beard trim","price":"£10","period":"session"}]}]""";

        var (operations, failed, error) = EditOperationJson.Read([.. JsonDocument.Parse(json).RootElement.EnumerateArray()]);

        (failed, error).Should().Be((null, null));
        var add = operations.Should().ContainSingle().Which.Should().BeOfType<AddSection>().Subject;
        add.Items!.Select(i => i.Field("period")).Should().Equal("", "session");
    }
}
