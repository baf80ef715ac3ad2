using Navo.Tools.Generate;
using Xunit.Abstractions;

namespace Navo.Tools.Tests.Generate;

public sealed class TmpKinds(ITestOutputHelper output)
{
    [Fact]
    public void Show()
    {
        foreach (var text in new[] { "I'm a counsellor and my practice is called Quiet Harbour Counselling. I offer online sessions and telephone counselling for anxiety, grief and relationship issues, £55 per 50-minute session." })
        {
            var brief = BriefReader.Read(text);
            output.WriteLine($"[{string.Join(" | ", brief.Offerings)}]");
        }
    }
}
