using Navo.Agent.Local;

namespace Navo.Agent.Tests.Local;

public sealed class ConfirmationReaderTests
{
    private static readonly ConfirmationReader Reader = new(Lexicon.Load(Path.Combine(AppContext.BaseDirectory, "prompts")));

    [Theory]
    [InlineData("yes")]
    [InlineData("Yes please!")]
    [InlineData("yep go ahead")]
    [InlineData("ok do it")]
    [InlineData("sure thing, go for it")]
    [InlineData("👍")]
    public void A_yes_in_its_many_forms_is_yes(string reply) => Reader.Read(reply).Should().BeTrue();

    [Theory]
    [InlineData("no")]
    [InlineData("nope, leave it")]
    [InlineData("not yet")]
    [InlineData("cancel")]
    [InlineData("hold off for now")]
    [InlineData("yes but not yet")]
    public void A_no_in_its_many_forms_is_no(string reply) => Reader.Read(reply).Should().BeFalse();

    [Theory]
    [InlineData("make the headline say yes")]
    [InlineData("publish it")]
    [InlineData("ok now change the colour to a nice deep green please")]
    [InlineData("")]
    public void Anything_else_is_a_new_request_not_an_answer(string reply) => Reader.Read(reply).Should().BeNull();
}
