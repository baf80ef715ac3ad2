namespace Navo.Agent.Tests.Local;

/// <summary>
/// Every evaluation message mangled in the ways people and paste buffers mangle text — words shuffled, characters
/// swapped for punctuation, quotes, currency, emoji and other scripts, two messages run together, colons and
/// dashes inserted — planned without an exception, each with an answer. (A stack overflow between the name and
/// text readers was found this way.)
/// </summary>
public sealed class MangledInputTests
{
    private const string Noise = "abc xyz:;,.\"'“”‘’!?£€$#@&+-–—()[]{}<>/\\|0123456789\u200b\u00a0ééü漢字🎂";

    [Fact]
    public void No_mangled_message_throws_and_every_one_gets_an_answer()
    {
        var messages = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Eval"), "*.tsv")
            .Order(StringComparer.Ordinal)
            .SelectMany(File.ReadAllLines)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t')[0])
            .ToList();
        var random = new Random(11);

        for (var i = 0; i < 2500; i++)
        {
            var message = Mangle(messages[random.Next(messages.Count)], messages, random);

            var plan = PlanAssertions.Plan(message);

            plan.Reply.Should().NotBeNullOrWhiteSpace(message);
        }
    }

    private static string Mangle(string message, List<string> messages, Random random) => random.Next(6) switch
    {
        0 => string.Join(' ', message.Split(' ').OrderBy(_ => random.Next())),
        1 => new string([.. message.Select(c => random.NextDouble() < 0.1 ? Noise[random.Next(Noise.Length)] : c)]),
        2 => message + " " + messages[random.Next(messages.Count)],
        3 => string.Join(':', message.Split(' ', 3)),
        4 => message.Replace(" ", new[] { "  ", " : ", " - ", "'", " \" " }[random.Next(5)], StringComparison.Ordinal),
        _ => new string([.. Enumerable.Range(0, random.Next(1, 80)).Select(_ => Noise[random.Next(Noise.Length)])]),
    };
}
