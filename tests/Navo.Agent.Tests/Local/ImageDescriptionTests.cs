using static Navo.Agent.Tests.Local.PlanAssertions;

namespace Navo.Agent.Tests.Local;

/// <summary>The answer to "what does the photo show?" describes the image already there.</summary>
public sealed class ImageDescriptionTests
{
    [Theory]
    [InlineData("the hero photo shows our shop front at dawn", "hero", "our shop front at dawn")]
    [InlineData("The photo shows Rosa kneading dough.", "hero", "Rosa kneading dough")]
    [InlineData("the about picture is of our bakers at the oven", "about", "our bakers at the oven")]
    public void A_description_of_a_photo_sets_its_alt_text(string message, string section, string alt)
    {
        var operation = System.Text.Json.Nodes.JsonNode.Parse(Operations(message).Should().ContainSingle().Subject)!;

        operation["op"]!.GetValue<string>().Should().Be("set_image");
        operation["section"]!.GetValue<string>().Should().Be(section);
        operation["alt"]!.GetValue<string>().Should().Be(alt);
        operation["image"]?.GetValue<string>().Should().BeNull("the image already there keeps its place");
    }

    [Fact]
    public void A_description_of_the_logo_describes_the_logo()
    {
        var operation = System.Text.Json.Nodes.JsonNode.Parse(Operations("our logo shows a red bicycle").Should().ContainSingle().Subject)!;

        (operation["logo"]!.GetValue<bool>(), operation["alt"]!.GetValue<string>()).Should().Be((true, "a red bicycle"));
    }
}
