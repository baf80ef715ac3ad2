using Navo.Agent.Conversations;

namespace Navo.Agent.Tests;

/// <summary>Where a photo sent in the chat goes and what it shows, read from the owner's words.</summary>
public sealed class ImagePlacementTests
{
    [Theory]
    [InlineData("use this as the main photo, it's our shop front", "hero", "Our shop front")]
    [InlineData("put it at the top", "hero", null)]
    [InlineData("make this our logo", "logo", null)]
    [InlineData("this is our logo", "logo", null)]
    [InlineData("add it to the gallery - the team at the summer fair", "gallery", "The team at the summer fair")]
    [InlineData("for the about section. it shows me in the workshop", "about", "Me in the workshop")]
    [InlineData("Main photo", "hero", null)]
    [InlineData("Gallery", "gallery", null)]
    [InlineData("a photo of our sourdough loaves", null, "Our sourdough loaves")]
    [InlineData("it's the view from the terrace", null, "The view from the terrace")]
    [InlineData("hmm not sure", null, null)]
    public void Reads_the_place_and_what_the_photo_shows(string text, string? place, string? alt) =>
        ImagePlacement.Read(text).Should().Be((place, alt));
}
