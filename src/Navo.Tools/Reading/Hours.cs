using System.Globalization;
using System.Text.RegularExpressions;
using Navo.Tools.Edit;

namespace Navo.Tools.Reading;

/// <summary>
/// Reads opening hours as people type them: "Tue–Fri 9am–6pm, Sat 8–4, closed Sundays", "weekdays 8:30 till 5.30",
/// "open every day 7 to 3". Days become "Mon-Fri" or "Sat, Sun"; times 24-hour "HH:mm", a closing hour lower than
/// the opening one being in the afternoon.
/// </summary>
public static partial class Hours
{
    /// <summary>True when the text names a day of the week as a word ("tues", "Saturdays"), not inside another word ("wedding").</summary>
    public static bool NamesADay(string text) => NamedDay().IsMatch(text);

    /// <summary>Day words as people write them ("tues", "weds", "saturdays") and the day each means, from <c>days.tsv</c>.</summary>
    public static IReadOnlyDictionary<string, string> DayWords { get; } = ReadDayWords();

    private static Dictionary<string, string> ReadDayWords()
    {
        using var stream = typeof(Hours).Assembly.GetManifestResourceStream("Navo.Tools.Reading.days.tsv")
            ?? throw new InvalidDataException("The day words (Reading/days.tsv) are not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .ToDictionary(r => r[0], r => r[1], StringComparer.Ordinal);
    }

    public static IReadOnlyList<HoursRow> Read(string text)
    {
        var lines = new List<HoursRow>();
        var pendingDays = new List<string>();
        var parts = Parts().Split(Normalise(text));
        for (var p = 0; p < parts.Length; p++)
        {
            var part = parts[p];
            var ranges = TimeRange().Matches(part).Where(r => Time(r.Groups["open"].Value, r.Groups["oam"].Value) is not null).ToList();
            var days = Days(part);
            if (WholeWords.Contains(part, "closed") || WholeWords.Contains(part, "shut"))
            {
                pendingDays.Clear();
                if (days is not null)
                {
                    lines.Add(new HoursRow(days, Text: "Closed"));
                }

                continue;
            }

            if (ranges.Count == 0)
            {
                if (days is null)
                {
                    continue;
                }

                // "closed sun and mon", "10am-10pm fri and sat": days alone join the line before, unless times follow.
                var timesFollow = p + 1 < parts.Length && TimeRange().IsMatch(parts[p + 1]);
                if (!timesFollow && lines.Count > 0 && !lines[^1].Days.Contains('-', StringComparison.Ordinal) && !days.Contains('-', StringComparison.Ordinal))
                {
                    lines[^1] = lines[^1] with { Days = Join(lines[^1].Days, days) };
                }
                else
                {
                    pendingDays.Add(days);
                }

                continue;
            }

            // Each range takes the days written between it and the range before (or, failing that, after it).
            var from = 0;
            for (var r = 0; r < ranges.Count; r++)
            {
                var range = ranges[r];
                var until = r + 1 < ranges.Count ? ranges[r + 1].Index : part.Length;
                var rangeDays = Days(part[from..range.Index]) ?? Days(part[(range.Index + range.Length)..until]);
                if (pendingDays.Count > 0)
                {
                    rangeDays = rangeDays is null || rangeDays.Contains('-', StringComparison.Ordinal) ? rangeDays ?? string.Join(", ", pendingDays) : Join(string.Join(", ", pendingDays), rangeDays);
                    pendingDays.Clear();
                }

                var opens = Time(range.Groups["open"].Value, range.Groups["oam"].Value)!.Value;
                var closes = Time(range.Groups["close"].Value, range.Groups["cam"].Value) ?? opens;
                closes = Afternoon(opens, closes, range.Groups["cam"].Value);
                (opens, closes) = Evening(opens, closes, range.Groups["oam"].Value, range.Groups["cam"].Value);
                lines.Add(new HoursRow(rangeDays ?? "Mon-Sun", $"{opens / 60:00}:{opens % 60:00}", $"{closes / 60:00}:{closes % 60:00}"));
                from = range.Index + range.Length;
            }
        }

        // A message pasted twice gives each row twice: the table holds it once.
        return Except([.. lines.Distinct()], text);
    }

    /// <summary>"open every day 8-6 except Sunday 10-4": the every-day line leaves out the days given apart.</summary>
    private static List<HoursRow> Except(List<HoursRow> lines, string text)
    {
        var apart = ExceptDays().Matches(text.ToLowerInvariant())
            .Select(m => DayWords.GetValueOrDefault(m.Groups["day"].Value)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (apart.Count == 0)
        {
            return lines;
        }

        var rest = Week.Where(d => !apart.Contains(d)).ToList();
        var days = rest.Count == 0 ? null
            : rest.Select(d => Array.IndexOf(Week, d)).Zip(rest.Skip(1).Select(d => Array.IndexOf(Week, d))).All(p => p.Second == p.First + 1)
                ? (rest.Count == 1 ? rest[0] : $"{rest[0]}-{rest[^1]}")
                : string.Join(", ", rest);
        return days is null ? lines : [.. lines.Select(l => l.Days == "Mon-Sun" ? l with { Days = days } : l)];
    }

    private static readonly string[] Week = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    /// <summary>Lower case, plain dashes, and misspelt day words ("weekneds", "wendesday") put right.</summary>
    private static string Normalise(string text)
    {
        var lower = text.ToLowerInvariant().Replace('–', '-').Replace('—', '-');
        string[] known = [.. DayWords.Keys, "weekdays", "weekends", "weekday", "weekend"];
        // Only words that start like the day they are near: "wendesday" is Wednesday, "tours" is not Thursday.
        return Letters().Replace(lower, m => m.Value.Length >= 5 && !known.Contains(m.Value)
            && Typos.Closest(m.Value, known.Where(k => k.Length >= 6 && k[..2] == m.Value[..2])) is { } near ? near : m.Value);
    }

    private static string Join(string first, string second) =>
        string.Join(", ", first.Split(", ").Concat(second.Split(", ")).Distinct());

    /// <summary>The days a part names: a range, a list, "weekdays", "weekends", "every day".</summary>
    private static string? Days(string part)
    {
        if (WholeWords.Contains(part, "weekdays") || WholeWords.Contains(part, "weekday"))
        {
            return "Mon-Fri";
        }

        if (WholeWords.Contains(part, "weekends") || WholeWords.Contains(part, "weekend"))
        {
            return "Sat-Sun";
        }

        if (WholeWords.Contains(part, "every day") || WholeWords.Contains(part, "daily") || WholeWords.Contains(part, "7 days") || WholeWords.Contains(part, "seven days"))
        {
            return "Mon-Sun";
        }

        var found = DayWord().Matches(part).Select(m => (m.Index, m.Length, Day: DayWords.GetValueOrDefault(m.Value.TrimEnd('.')))).Where(d => d.Day is not null).ToList();
        if (found.Count == 0)
        {
            return null;
        }

        if (found.Count >= 2)
        {
            var between = part[(found[0].Index + found[0].Length)..found[1].Index];
            if (RangeWord().IsMatch(between))
            {
                return $"{found[0].Day}-{found[1].Day}";
            }
        }

        return string.Join(", ", found.Select(f => f.Day).Distinct());
    }

    /// <summary>Minutes past midnight, or null; "noon" and "midnight" too.</summary>
    private static int? Time(string value, string suffix)
    {
        if (value is "noon" or "midday")
        {
            return 12 * 60;
        }

        if (value == "midnight")
        {
            return 24 * 60;
        }

        var pieces = value.Split(':', '.');
        if (!int.TryParse(pieces[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hour) || hour > 24)
        {
            return null;
        }

        var minutes = pieces.Length > 1 && int.TryParse(pieces[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m < 60 ? m : 0;
        if (suffix.StartsWith('p') && hour < 12)
        {
            hour += 12;
        }
        else if (suffix.StartsWith('a') && hour == 12)
        {
            hour = 0;
        }

        return (hour * 60) + minutes;
    }

    /// <summary>
    /// "5-11pm" and "Fri 4-10" are evening hours: an opening hour before 7 without "am" is in the afternoon when the
    /// day would otherwise run longer than twelve hours, or when neither time says am or pm and both are before noon.
    /// </summary>
    private static (int Opens, int Closes) Evening(int opens, int closes, string openSuffix, string closeSuffix)
    {
        if (opens >= 7 * 60 || openSuffix.Length > 0)
        {
            return (opens, closes);
        }

        if (closes - opens > 12 * 60)
        {
            return (opens + (12 * 60), closes);
        }

        return closeSuffix.Length == 0 && closes < 12 * 60 && closes > opens ? (opens + (12 * 60), closes + (12 * 60)) : (opens, closes);
    }

    private static int Afternoon(int opens, int closes, string closeSuffix) =>
        closes <= opens && closeSuffix.Length == 0 && closes < 12 * 60 ? closes + (12 * 60) : Math.Min(closes, (23 * 60) + 59);

    [GeneratedRegex(@"\s*(?:,|;|\n|\band\b|\bbut\b|\.\s)\s*")]
    private static partial Regex Parts();

    [GeneratedRegex(@"(?<![\d:.()+-])(?<open>\d{1,2}(?:[:.]\d{2})?|noon|midday)\s*(?<oam>a\.?m\.?|p\.?m\.?)?\s*(?:-|to|till|til|until|'til|through)\s*(?<close>\d{1,2}(?:[:.]\d{2})?(?![\d])|noon|midday|midnight)\s*(?<cam>a\.?m\.?|p\.?m\.?)?")]
    private static partial Regex TimeRange();

    [GeneratedRegex(@"\b(?:except|apart from|but not|not on|closed on)\s+(?:on\s+)?(?<day>[a-z]+)")]
    private static partial Regex ExceptDays();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Letters();

    [GeneratedRegex(@"\b(?:mon|tue|tues|wed|weds|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day|days|s)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex NamedDay();

    [GeneratedRegex(@"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?")]
    private static partial Regex DayWord();

    [GeneratedRegex(@"^\s*(?:-|to|through|thru|till|until)\s*$")]
    private static partial Regex RangeWord();
}
