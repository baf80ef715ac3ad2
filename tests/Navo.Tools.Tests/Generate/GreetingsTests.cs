using Navo.Tools.Generate;

namespace Navo.Tools.Tests.Generate;

/// <summary>A greeting in any language opens a message; it is never the business's name.</summary>
public sealed class GreetingsTests
{
    [Theory]
    [InlineData("Bonjour, we are Atelier Brioche, a French bakery in Bath. croissants and baguettes", "Atelier Brioche")]
    [InlineData("Hola! We are Casa Verde Plants, a plant shop in Exeter", "Casa Verde Plants")]
    [InlineData("Namaste, we're Lotus Tailoring, alterations and suits in Leicester", "Lotus Tailoring")]
    public void A_greeting_before_we_are_is_not_the_name(string description, string name)
    {
        BriefReader.Read(description).BusinessName.Should().Be(name);
    }

    [Theory]
    [InlineData("Hallo! bike repairs and servicing in Bristol")]
    [InlineData("Kia ora, we do surf lessons in Raglan")]
    public void A_greeting_alone_gives_no_name(string description)
    {
        BriefReader.Read(description).NameGiven.Should().BeFalse();
    }
}
