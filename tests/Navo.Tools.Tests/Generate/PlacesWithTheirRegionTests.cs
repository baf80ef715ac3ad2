using Navo.Tools.Generate;

namespace Navo.Tools.Tests.Generate;

/// <summary>A town written with its state, province or county keeps it, as the owner wrote it.</summary>
public sealed class PlacesWithTheirRegionTests
{
    [Theory]
    [InlineData("Dog grooming salon in Boise, ID. baths, nail trims and full grooms", "Boise, ID")]
    [InlineData("we're a bike repair shop in Burlington, Vermont and we do tune ups", "Burlington, Vermont")]
    [InlineData("We're a bakery in Kelowna, BC - sourdough, croissants and custom cakes", "Kelowna, BC")]
    [InlineData("mobile dog groomer covering Ludlow, Shropshire and the villages around", "Ludlow, Shropshire")]
    public void A_town_keeps_the_region_written_after_it(string description, string place)
    {
        BriefReader.Read(description).Place.Should().Be(place);
    }

    [Theory]
    [InlineData("We are a plumber in Leeds, boilers and bathrooms", "Leeds")]
    [InlineData("We run a cafe in Bristol, open daily", "Bristol")]
    public void A_town_without_a_region_stays_as_it_is(string description, string place)
    {
        BriefReader.Read(description).Place.Should().Be(place);
    }
}
