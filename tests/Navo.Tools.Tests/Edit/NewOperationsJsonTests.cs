using System.Text.Json;
using Navo.Tools.Edit;

namespace Navo.Tools.Tests.Edit;

public sealed class NewOperationsJsonTests
{
    private static (IReadOnlyList<EditOperation> Operations, int? Failed, string? Error) Read(string json) =>
        EditOperationJson.Read([.. JsonDocument.Parse(json).RootElement.EnumerateArray()]);

    [Fact]
    public void Set_name_and_set_hours_read_as_design_md_spells_them()
    {
        var (operations, _, error) = Read("""
            [{"op":"set_name","name":"Crumbs"},
             {"op":"set_hours","hours":[{"days":"Mon-Fri","opens":"08:00","closes":"16:00"},{"days":"Sun","text":"Closed"}]},
             {"op":"set_hours","text":"By appointment only"}]
            """);

        error.Should().BeNull();
        operations[0].Should().Be(new SetName("Crumbs"));
        var hours = operations[1].Should().BeOfType<SetHours>().Subject;
        hours.Hours.Should().Equal(new HoursRow("Mon-Fri", "08:00", "16:00"), new HoursRow("Sun", Text: "Closed"));
        operations[2].Should().Be(new SetHours(Text: "By appointment only"));
    }

    [Theory]
    [InlineData("""[{"op":"set_name"}]""")]
    [InlineData("""[{"op":"set_hours","hours":[{"opens":"08:00","closes":"16:00"}]}]""")]
    [InlineData("""[{"op":"set_hours","hours":"Mon-Fri 8-4"}]""")]
    public void Missing_or_wrongly_typed_arguments_are_named_not_thrown(string json)
    {
        var (_, failed, error) = Read(json);

        failed.Should().Be(0);
        error.Should().Contain("is missing an argument, has one of the wrong type");
    }
}
