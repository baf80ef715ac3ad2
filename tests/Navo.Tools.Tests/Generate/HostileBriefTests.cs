using System.Diagnostics;
using Navo.Tools.Generate;

namespace Navo.Tools.Tests.Generate;

/// <summary>
/// The brief reader is a set of regular expressions over whatever a person sends: the longest description the API
/// takes (4,000 characters) in shapes built to make a backtracking reader slow must still be read quickly, whole,
/// and without inventing a name.
/// </summary>
[Collection(TimedAlone.Name)]
public sealed class HostileBriefTests
{
    public static TheoryData<string> Descriptions() =>
    [
        string.Concat(Enumerable.Repeat("Aa ", 1333)),
        string.Concat(Enumerable.Repeat("A & B ", 666)),
        string.Concat(Enumerable.Repeat("a, ", 1333)),
        string.Concat(Enumerable.Repeat("£1 ", 1333)),
        string.Concat(Enumerable.Repeat("in A ", 800)),
        string.Concat(Enumerable.Repeat("mon-fri 9-5 ", 333)),
        string.Concat(Enumerable.Repeat("'", 4000)),
        string.Concat(Enumerable.Repeat("x — ", 1000)),
        "Bloom is a florist" + new string(' ', 3980) + "!",
        string.Concat(Enumerable.Repeat("we sell cakes and ", 222)),
        string.Concat(Enumerable.Range(0, 400).Select(i => $"Word{i} ")),
        string.Concat(Enumerable.Repeat("in aa bb ", 444)),
        string.Concat(Enumerable.Repeat("Aa Bb TX ", 444)),
        string.Concat(Enumerable.Repeat("aa and south bb ", 250)),
        string.Concat(Enumerable.Repeat("Aa n Bb se ", 363)),
        string.Concat(Enumerable.Repeat("Aa and Bb of ", 307)),
    ];

    private static readonly string Ordinary = string.Concat(Enumerable.Repeat(
        "Hi, we're Crumb & Co, a family bakery in Hebden Bridge since 1998. Sourdough loaves from £4.50, cakes to order, "
        + "open Tue-Sat 8am-4pm, call 01422 555 013. ", 40));

    [Theory]
    [MemberData(nameof(Descriptions))]
    public void A_hostile_description_is_read_in_well_under_a_second(string description)
    {
        description.Length.Should().BeLessThanOrEqualTo(4000);
        // A whole description, so that the embedding model and the taxonomy are loaded before the clock starts.
        BriefReader.Read("Crumb & Co is a small bakery in Hebden Bridge: sourdough and cakes, open tue-sat 8-4.");

        // An ordinary message of the same length, timed in the same run: on a machine slowed by other work both slow
        // together, while a reader that backtracks is slower by orders of magnitude, not by a factor of a few.
        var ordinary = Stopwatch.StartNew();
        BriefReader.Read(Ordinary[..description.Length]);
        ordinary.Stop();

        var clock = Stopwatch.StartNew();
        var brief = BriefReader.Read(description);
        clock.Stop();

        clock.ElapsedMilliseconds.Should().BeLessThan(Math.Max(2000, 25 * ordinary.ElapsedMilliseconds), "a 4,000-character message must not make the reader backtrack for long");
        brief.Offerings.Count.Should().BeLessThanOrEqualTo(BriefReader.MaxOfferings);
        brief.BusinessName.Length.Should().BeLessThanOrEqualTo(80);
    }
}

/// <summary>
/// Tests that time something run alone: xUnit runs the test classes of a project side by side, and a clock read while
/// the other classes use both cores would measure them too.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimedAlone
{
    public const string Name = "Timed alone";
}
