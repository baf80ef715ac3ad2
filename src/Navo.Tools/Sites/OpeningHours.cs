using System.Globalization;

namespace Navo.Tools.Sites;

/// <summary>
/// The rules of an <c>hours</c> section's items: <c>days</c> ("Mon-Fri", "Sat, Sun") with either an opening and a
/// closing time as 24-hour <c>HH:mm</c>, or a <c>text</c> such as "Closed" or "By appointment". A closing time
/// earlier than the opening one runs past midnight (a bar open 18:00–02:00).
/// </summary>
public static class OpeningHours
{
    /// <summary>The longest <c>days</c> text: a day list, not a paragraph.</summary>
    public const int MaxDaysLength = 100;

    /// <summary>The longest <c>text</c> of a row ("Closed", "By appointment", "Late opening until 21:00").</summary>
    public const int MaxTextLength = 200;

    /// <summary>True for a 24-hour time written <c>HH:mm</c>, 00:00 to 23:59.</summary>
    public static bool IsTime(string? value) =>
        value is { Length: 5 } && value[2] == ':'
        && TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>The problem with one row of opening hours (1-based <paramref name="row"/> in messages), or null.</summary>
    public static string? Problem(SectionItem item, int row)
    {
        var days = item.Field("days").Trim();
        var opens = item.Field("opens").Trim();
        var closes = item.Field("closes").Trim();
        var text = item.Field("text").Trim();
        var which = days.Length > 0 ? $"'{days}'" : $"row {row}";
        if (days.Length == 0)
        {
            return $"Say which days row {row} of the opening hours is for, such as 'Mon-Fri'.";
        }

        if (days.Length > MaxDaysLength)
        {
            return $"The days of row {row} can be at most {MaxDaysLength} characters.";
        }

        if (text.Length > MaxTextLength)
        {
            return $"The text for {which} can be at most {MaxTextLength} characters.";
        }

        if (opens.Length == 0 && closes.Length == 0)
        {
            return text.Length == 0 ? $"Say when {which} opens and closes, or that it is closed." : null;
        }

        if (text.Length > 0)
        {
            return $"Give {which} either opening and closing times or a text such as 'Closed', not both.";
        }

        if (opens.Length == 0 || closes.Length == 0)
        {
            return $"Say both when {which} opens and when it closes.";
        }

        if (!IsTime(opens) || !IsTime(closes))
        {
            var bad = IsTime(opens) ? closes : opens;
            return $"Times are written as 24-hour HH:mm, like 09:00 or 17:30: '{bad}' is not one.";
        }

        return opens == closes ? $"The hours for {which} open and close at the same time ({opens}): say the real hours, or that it is closed." : null;
    }

    /// <summary>A row as a person reads it: "Mon-Fri 08:00–16:00", "Sun: Closed".</summary>
    public static string Describe(SectionItem item) =>
        item.Field("text").Length > 0
            ? $"{item.Field("days")}: {item.Field("text")}"
            : $"{item.Field("days")} {item.Field("opens")}–{item.Field("closes")}";
}
