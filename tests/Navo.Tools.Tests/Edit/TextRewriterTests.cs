using Navo.Tools.Edit;

namespace Navo.Tools.Tests.Edit;

public sealed class TextRewriterTests
{
    [Theory]
    [InlineData("Proper bread baked in Leeds since 1987")]
    [InlineData("Wedding cakes made for your day")]
    [InlineData("Handmade sourdough from our family to yours")]
    [InlineData("Dog grooming with patience and care")]
    public void Shorter_never_cuts_a_headline_mid_phrase(string headline)
    {
        // Regression: "shorter" dropped the last word alone, leaving "... in Leeds since".
        var shorter = TextRewriter.Rewrite(headline, "shorter", null);

        shorter.Length.Should().BeLessThan(headline.Length);
        string[] dangling = ["since", "in", "for", "with", "from", "and", "the", "a", "our", "to", "of", "your"];
        dangling.Should().NotContain(shorter.Split(' ')[^1].TrimEnd('.').ToLowerInvariant());
        headline.Should().StartWith(shorter.TrimEnd('.'));
    }
}
