using System.Globalization;

namespace Navo.Tools.Generate;

/// <summary>Fills copy templates from a brief.</summary>
public static class Templates
{
    public static string Fill(string template, Brief brief, IReadOnlyList<string> offerings, string? offering)
    {
        var first = offering ?? offerings.FirstOrDefault() ?? "our work";
        var list = JoinList(offerings.Take(3).ToList());
        return template
            .Replace("{name}", brief.BusinessName, StringComparison.Ordinal)
            .Replace("{place}", brief.Place ?? "your area", StringComparison.Ordinal)
            .Replace("{inPlace}", brief.Place is null ? string.Empty : $" in {brief.Place}", StringComparison.Ordinal)
            .Replace("{Offerings}", UpperFirst(list), StringComparison.Ordinal)
            .Replace("{offerings}", list, StringComparison.Ordinal)
            .Replace("{Offering}", UpperFirst(first), StringComparison.Ordinal)
            .Replace("{offering}", first, StringComparison.Ordinal)
            .Replace("{audienceOrYou}", brief.Audience ?? "you", StringComparison.Ordinal)
            .Replace("{audience}", brief.Audience ?? "everyone", StringComparison.Ordinal);
    }

    public static string JoinList(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "good work",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    private static string UpperFirst(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];
}
