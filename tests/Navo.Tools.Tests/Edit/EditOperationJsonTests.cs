using System.Text.Json;
using Navo.Tools.Edit;

namespace Navo.Tools.Tests.Edit;

public sealed class EditOperationJsonTests
{
    [Fact]
    public void A_rewrite_without_a_field_reads_as_the_whole_section()
    {
        // Regression: "make this shorter" about a selected section sends no field, which design.md allows.
        var (operations, failed, error) = EditOperationJson.Read([JsonDocument.Parse("""{"op":"rewrite","section":"about","style":"shorter"}""").RootElement]);

        error.Should().BeNull();
        failed.Should().BeNull();
        operations.Should().Equal(new Rewrite("about", "shorter"));
    }

    [Fact]
    public void A_rewrite_without_a_style_is_refused_with_a_reason()
    {
        var (_, failed, error) = EditOperationJson.Read([JsonDocument.Parse("""{"op":"rewrite","section":"about"}""").RootElement]);

        failed.Should().Be(0);
        error.Should().NotBeNullOrEmpty();
    }
}
