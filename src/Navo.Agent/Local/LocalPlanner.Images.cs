using System.Text.RegularExpressions;
using Navo.Tools.Edit;

namespace Navo.Agent.Local;

public sealed partial class LocalPlanner
{
    /// <summary>
    /// A fast first pass for the answer to "what does the photo show?": "the hero photo shows our shop front", "the
    /// logo is of a red bicycle". It describes the image already there (<c>set_image</c> with <c>alt</c> alone); the
    /// hero's when no place is named, since that is the main photo.
    /// </summary>
    private static Plan? DescribeImage(string text, PlanContext context)
    {
        if (!context.HasSite || ImageDescription().Match(text) is not { Success: true } m)
        {
            return null;
        }

        var alt = m.Groups["alt"].Value.Trim().TrimEnd('.', '!');
        var what = m.Groups["what"].Value.ToLowerInvariant();
        var where = m.Groups["where"].Value.ToLowerInvariant();
        return what == "logo" || where == "header"
            ? Edit("Describing your logo.", "set_image", new SetImage(Alt: alt, Logo: true))
            : Edit("Describing the photo.", "set_image", new SetImage(where == "about" ? "about" : "hero", Alt: alt));
    }

    [GeneratedRegex(@"^\s*(?:the\s+|our\s+|my\s+)?(?:(?<where>hero|main|about|header)\s+)?(?<what>photo|picture|image|pic|logo)\s+(?:shows|is\s+of|is\s+a\s+(?:photo|picture)\s+of)\s+(?<alt>\S.{1,298}?)\s*[.!]*\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ImageDescription();
}
