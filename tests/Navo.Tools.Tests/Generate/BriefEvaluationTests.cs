using System.Text.Json;
using System.Text.Json.Serialization;
using Navo.Tools.Edit;
using Navo.Tools.Generate;
using Xunit.Abstractions;

namespace Navo.Tools.Tests.Generate;

/// <summary>
/// The brief reader against Eval/businesses.json: first messages owners might type, written for this apart from the
/// taxonomy's phrases and the packs, each with the name, place, kind and facts a careful reader takes from it. A
/// business counts as right only when every expectation holds. Issue 12 asks for 95%; the floor below is what the
/// reader last measured, rounded down, and may only rise.
/// </summary>
public sealed class BriefEvaluationTests(ITestOutputHelper output)
{
    private const double AtLeast = 0.96;

    [Fact]
    public void The_businesses_are_read_right_at_least_as_often_as_when_measured()
    {
        var cases = JsonSerializer.Deserialize<List<Expected>>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Eval", "businesses.json")), Json)!;
        cases.Should().HaveCountGreaterThanOrEqualTo(120);
        cases.Select(c => c.Kind).Distinct().Should().HaveCountGreaterThanOrEqualTo(60);

        var misses = new List<string>();
        var fieldMisses = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var expected in cases)
        {
            var brief = BriefReader.Read(expected.Text);
            var problems = Problems(expected, brief).ToList();
            foreach (var problem in problems)
            {
                var field = problem.Split(':')[0];
                fieldMisses[field] = fieldMisses.GetValueOrDefault(field) + 1;
            }

            if (problems.Count > 0)
            {
                misses.Add($"{expected.Text}\n    {string.Join("\n    ", problems)}");
            }
        }

        foreach (var (field, count) in fieldMisses.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{field,-10} {count} wrong");
        }

        misses.ForEach(output.WriteLine);
        var accuracy = 1.0 - ((double)misses.Count / cases.Count);
        output.WriteLine($"businesses.json: {accuracy:P1} ({cases.Count - misses.Count}/{cases.Count})");
        accuracy.Should().BeGreaterThanOrEqualTo(AtLeast);
    }

    private static IEnumerable<string> Problems(Expected expected, Brief brief)
    {
        if (!string.Equals(brief.BusinessName, expected.Name, StringComparison.OrdinalIgnoreCase))
        {
            yield return $"name: expected '{expected.Name}', got '{brief.BusinessName}'";
        }

        if (!string.Equals(brief.Place, expected.Place, StringComparison.OrdinalIgnoreCase))
        {
            yield return $"place: expected '{expected.Place}', got '{brief.Place}'";
        }

        var kind = brief.Kind ?? "unknown";
        if (kind != expected.Kind && !expected.AlsoKinds.Contains(kind))
        {
            yield return $"kind: expected {expected.Kind}, got {kind} ({brief.KindLabel})";
        }

        foreach (var offering in expected.Offerings.Where(o => !brief.Offerings.Any(b => Overlaps(b, o))))
        {
            yield return $"offering: '{offering}' missing from [{string.Join(", ", brief.Offerings)}]";
        }

        // "£30 per hour" is a price for an hour: an expected item that is only the period matches the period read.
        foreach (var price in expected.Prices.Where(p => !brief.Facts.Prices.Any(b => b.Price == p.Price
            && (Overlaps(b.Item, p.Item) || (b.Period is { } period && p.Item.Replace("per ", string.Empty, StringComparison.Ordinal).StartsWith(period, StringComparison.OrdinalIgnoreCase))))))
        {
            yield return $"price: {price.Item} {price.Price} missing from [{string.Join(", ", brief.Facts.Prices.Select(p => $"{p.Item} {p.Price}"))}]";
        }

        var rows = brief.Facts.Hours.Select(Row).ToHashSet(StringComparer.Ordinal);
        foreach (var row in expected.Hours.Where(r => r.Text is null or "Closed").Select(Row).Where(r => !rows.Contains(r)))
        {
            yield return $"hours: {row} missing from [{string.Join("; ", rows)}]";
        }

        foreach (var (field, want, got) in new[]
        {
            ("phone", expected.Phone, brief.Facts.Phone),
            ("email", expected.Email, brief.Facts.Email),
            ("since", expected.Since, brief.Facts.Since),
        })
        {
            if (want is not null && want != got)
            {
                yield return $"{field}: expected '{want}', got '{got}'";
            }
        }

        if (expected.Address is not null && brief.Facts.Address?.Contains(expected.Address.Split(',')[0], StringComparison.OrdinalIgnoreCase) != true)
        {
            yield return $"address: expected '{expected.Address}', got '{brief.Facts.Address}'";
        }

        foreach (var language in expected.Languages.Where(l => !brief.Facts.Languages.Contains(l)))
        {
            yield return $"language: {language} missing from [{string.Join(", ", brief.Facts.Languages)}]";
        }

        if (expected.OnePage && !brief.OnePage)
        {
            yield return "onePage: asked for one page";
        }
    }

    /// <summary>"sourdough" and "sourdough bread" name the same offering; so do "a haircut" and "haircut".</summary>
    private static bool Overlaps(string actual, string expected) =>
        actual.Contains(expected, StringComparison.OrdinalIgnoreCase) || expected.Contains(actual, StringComparison.OrdinalIgnoreCase) && actual.Length >= 3;

    private static readonly string[] Week = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    /// <summary>"Sat-Sun" and "Sat, Sun" are the same days.</summary>
    private static IEnumerable<string> Days(string part)
    {
        var ends = part.Split('-', StringSplitOptions.TrimEntries).Select(d => Array.IndexOf(Week, d[..Math.Min(3, d.Length)])).ToList();
        return ends.Count == 2 && ends[0] >= 0 && ends[1] >= ends[0] ? Week[ends[0]..(ends[1] + 1)] : [part];
    }

    /// <summary>A row as comparable text, days of a list in week order: "Mon, Sun Closed", "Tue-Sat 08:00-16:00".</summary>
    private static string Row(HoursRow row)
    {
        var days = string.Join(", ", row.Days.Split(',', StringSplitOptions.TrimEntries).SelectMany(Days).Distinct().OrderBy(d => Array.IndexOf(Week, d)));
        return row.Text is { Length: > 0 } text ? $"{days} {text}" : $"{days} {row.Opens}-{row.Closes}";
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private sealed record Expected(
        string Text, string Name, string? Place, string Kind, string[]? AlsoKinds, string[]? Offerings, ExpectedPrice[]? Prices, HoursRow[]? Hours,
        string? Phone, string? Email, string? Address, string? Since, string[]? Languages, bool OnePage)
    {
        public string[] AlsoKinds { get; } = AlsoKinds ?? [];

        public string[] Offerings { get; } = Offerings ?? [];

        public ExpectedPrice[] Prices { get; } = Prices ?? [];

        public HoursRow[] Hours { get; } = Hours ?? [];

        public string[] Languages { get; } = Languages ?? [];
    }

    private sealed record ExpectedPrice(string Item, string Price);
}
