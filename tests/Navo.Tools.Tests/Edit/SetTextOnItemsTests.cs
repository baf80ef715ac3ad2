using Navo.Tools.Edit;
using static Navo.Tools.Tests.Edit.EditHarness;

namespace Navo.Tools.Tests.Edit;

/// <summary>"the large cake is £20 now", "change the second question": set_text with an item on every list section.</summary>
public sealed class SetTextOnItemsTests
{
    private readonly EditHarness _edits = new();

    [Theory]
    [InlineData("pricing", "name", "Wedding cake")]
    [InlineData("pricing", "price", "£20")]
    [InlineData("pricing", "period", "month")]
    [InlineData("faq", "question", "Do you deliver on Sundays?")]
    [InlineData("faq", "answer", "Yes, within Porto.")]
    [InlineData("features", "title", "Stone-baked")]
    [InlineData("features", "text", "Baked in a stone oven every morning.")]
    public void An_items_field_changes_and_its_neighbours_stay(string type, string field, string value)
    {
        var project = type == "pricing" ? _edits.Apply(_edits.Project, new AddSection("pricing")) : _edits.Project;
        var before = Only(project, type);

        var after = Only(_edits.Apply(project, new SetText(type, field, value, Item: 1)), type);

        after.Items[1].Field(field).Should().Be(value);
        after.Items[1].Fields.Where(f => f.Key != field).Should().BeEquivalentTo(before.Items[1].Fields.Where(f => f.Key != field));
        after.Items[0].Should().BeEquivalentTo(before.Items[0]);
    }

    [Fact]
    public void A_field_an_item_of_that_type_does_not_have_is_refused()
    {
        var project = _edits.Apply(_edits.Project, new AddSection("pricing"));

        _edits.Refusal(project, new SetText("pricing", "question", "x", Item: 0)).Should().Be("An item of a pricing section has no question.");
        _edits.Refusal(project, new SetText("features", "price", "x", Item: 0)).Should().Be("An item of a features section has no price.");
    }
}
