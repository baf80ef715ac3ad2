using Navo.Tools.Generate;

namespace Navo.Tools.Tests.Generate;

/// <summary>Places given as an area that runs on into another, or as a town after the street the business is on.</summary>
public sealed class AreasAndStreetsTests
{
    [Theory]
    [InlineData("mobile tyre fitting covering west somerset and into devon. puncture repairs, new tyres", "West Somerset")]
    [InlineData("roofing and guttering, covering east kent and parts of sussex. free quotes", "East Kent")]
    public void An_area_that_runs_on_into_another_is_the_place(string description, string place)
    {
        BriefReader.Read(description).Place.Should().Be(place);
    }

    [Theory]
    [InlineData("Paper Moon Books - new and used books, on Castle Street shrewsbury, open tue-sat", "Shrewsbury")]
    [InlineData("Little Crumb Bakery on Mill Lane, Ludlow. sourdough and pastries", "Ludlow")]
    public void The_town_after_a_street_is_the_place(string description, string place)
    {
        BriefReader.Read(description).Place.Should().Be(place);
    }

    [Fact]
    public void A_word_after_a_street_that_is_no_town_is_not_the_place()
    {
        BriefReader.Read("Paper Moon Books - new and used books on Castle Street only. open tue-sat").Place.Should().NotBe("Only");
    }
}
