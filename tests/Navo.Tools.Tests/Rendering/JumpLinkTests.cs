using System.Text.RegularExpressions;
using Navo.Tools.Generate;
using Navo.Tools.Rendering;

namespace Navo.Tools.Tests.Rendering;

public sealed class JumpLinkTests
{
    [Fact]
    public async Task A_removals_page_never_says_skip_not_even_in_its_link_to_the_content()
    {
        var result = await new GenerationPipeline(LocalSteps.All).RunAsync(new GenerationRequest("Two Lads & A Van - house moves and furniture removals in Hamilton"));

        var html = SiteRenderer.RenderPage(result.Site, result.Site.Pages[0], new RenderOptions(string.Empty));

        html.Should().Contain("href=\"#main\">Jump to content</a>");
        Regex.IsMatch(html, @"\bskip\b", RegexOptions.IgnoreCase).Should().BeFalse("skip hire is another trade");
    }
}
