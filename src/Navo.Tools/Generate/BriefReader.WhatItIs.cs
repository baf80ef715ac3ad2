using System.Text.RegularExpressions;

namespace Navo.Tools.Generate;

/// <summary>What the business is, as the owner says it ("a maths and physics tutor"), and what that says it offers.</summary>
public static partial class BriefReader
{
    /// <summary>"a little wine bar in Lewes" says what the business is; "a children's corner", later in a list, is an offering.</summary>
    private static bool IsWhatItIs(string part, string? place, string? kind) =>
        (place is not null && part.Contains(place, StringComparison.OrdinalIgnoreCase)) || (kind is not null && part.Contains(kind, StringComparison.OrdinalIgnoreCase))
        || ForTail().IsMatch(part);

    [GeneratedRegex(@"^\s*(?:a|an)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Article();

    /// <summary>
    /// What a description of the business says it offers: "a maths and physics tutor" offers maths and physics, "a
    /// converted barn for weddings" is for weddings; "a friendly dog groomer" says nothing more than its kind.
    /// </summary>
    private static string? Described(string part, string? kind)
    {
        var head = ForTail().Replace(part, string.Empty).Trim();
        if (kind is not null && head.EndsWith(kind, StringComparison.OrdinalIgnoreCase))
        {
            var words = head[..^kind.Length].Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .SkipWhile(w => Describing().IsMatch(w)).ToList();
            if (words.Count > 0 && !words.All(w => Describing().IsMatch(w)))
            {
                return string.Join(' ', words);
            }
        }

        return ForWhat().Match(part) is { Success: true } forWhat ? forWhat.Groups["what"].Value : null;
    }

    [GeneratedRegex(@"^(?:a|an)\s.*?\sfor\s+(?<what>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex ForWhat();

    [GeneratedRegex(@"\s(?:for|in|near|based|covering|serving|around)\s.*$", RegexOptions.IgnoreCase)]
    private static partial Regex ForTail();

    [GeneratedRegex(@"^(?:small|little|local|independent|family|family-run|friendly|new|professional|experienced|qualified|certified|busy|quiet|cosy|cozy|traditional|modern|boutique|award-winning|lovely|tiny|big|large|established|registered|ofsted|outstanding|fully|insured|mobile|freelance|self-employed|one-woman|one-man|two-person|husband-and-wife|proper|good|great|best|the|and|&)$", RegexOptions.IgnoreCase)]
    private static partial Regex Describing();
}
