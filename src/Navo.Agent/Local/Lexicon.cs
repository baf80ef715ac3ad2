using Navo.Tools.Reading;
namespace Navo.Agent.Local;

/// <summary>
/// The words the local understanding maps to slot values — section names, fields, colours, styles, fonts, corners,
/// ordinals, days, yes and no — read from the tab-separated files under <c>prompts/local/slots/</c>, so that a
/// synonym is taught by adding a line of data, not code.
/// </summary>
public sealed class Lexicon
{
    private Lexicon(string folder)
    {
        Sections = Phrases(Read(folder, "sections.tsv"));
        Fields = [.. Read(folder, "fields.tsv").Select(r => new FieldWord(r[0], r[1], r[2] == "*" ? [] : r[2].Split(','), r.Length > 3 && r[3].Length > 0 ? r[3] : null))
            .OrderByDescending(f => f.Phrase.Length)];
        Colors = Read(folder, "colors.tsv").ToDictionary(r => r[0], r => r[1], StringComparer.Ordinal);
        Styles = Phrases(Read(folder, "styles.tsv"));
        Fonts = Phrases(Read(folder, "fonts.tsv"));
        Radii = Phrases(Read(folder, "radius.tsv"));
        Numbers = Read(folder, "numbers.tsv").ToDictionary(r => r[0], r => int.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
        Answers = Read(folder, "answers.tsv").ToDictionary(r => r[0], r => r[1] == "yes", StringComparer.Ordinal);
        Days = Hours.DayWords;
        Groups = Read(folder, "words.tsv").GroupBy(r => r[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => r[1]).ToArray(), StringComparer.Ordinal);
        Languages = [.. Read(folder, "../languages.tsv").Select(r => new Language(r[0], r[1].Split(' ').ToHashSet(StringComparer.Ordinal), r[2]))];
    }

    /// <summary>A word that names a field, the section types it belongs to (empty: any) and the section it implies alone.</summary>
    public sealed record FieldWord(string Phrase, string Field, IReadOnlyList<string> SectionTypes, string? ImpliedSection);

    /// <summary>A language Navo recognises but does not read, by its common words, with Navo's answer in it.</summary>
    public sealed record Language(string Name, IReadOnlySet<string> Markers, string Answer);

    /// <summary>Phrase -> section type, longest phrase first.</summary>
    public IReadOnlyList<(string Phrase, string Value)> Sections { get; }

    public IReadOnlyList<FieldWord> Fields { get; }

    public IReadOnlyDictionary<string, string> Colors { get; }

    public IReadOnlyList<(string Phrase, string Value)> Styles { get; }

    public IReadOnlyList<(string Phrase, string Value)> Fonts { get; }

    public IReadOnlyList<(string Phrase, string Value)> Radii { get; }

    public IReadOnlyDictionary<string, int> Numbers { get; }

    /// <summary>Whole replies that mean yes (true) or no (false).</summary>
    public IReadOnlyDictionary<string, bool> Answers { get; }

    public IReadOnlyDictionary<string, string> Days { get; }

    public IReadOnlyList<Language> Languages { get; }

    /// <summary>Small word lists by group ("position.after", "period.7d"), from <c>words.tsv</c>.</summary>
    public IReadOnlyDictionary<string, string[]> Groups { get; }

    /// <summary>The words of a group; a group that is not in the data is a mistake in the code, so it throws.</summary>
    public string[] Words(string group) => Groups.TryGetValue(group, out var words) ? words : throw new KeyNotFoundException($"No word group '{group}' in prompts/local/slots/words.tsv.");

    /// <summary>The lexicon under <c>{prompts}/local/slots</c>.</summary>
    public static Lexicon Load(string promptsFolder) => new(Path.Combine(promptsFolder, "local", "slots"));

    /// <summary>The first phrase of <paramref name="phrases"/> that occurs as whole words in <paramref name="text"/> (lower case).</summary>
    public static string? Find(IReadOnlyList<(string Phrase, string Value)> phrases, string text) =>
        phrases.FirstOrDefault(p => Contains(text, p.Phrase)).Value;

    /// <summary>True when <paramref name="phrase"/> occurs in <paramref name="text"/> as whole words.</summary>
    public static bool Contains(string text, string phrase) => IndexOf(text, phrase) >= 0;

    /// <summary>Where <paramref name="phrase"/> starts in <paramref name="text"/> as whole words, or -1.</summary>
    public static int IndexOf(string text, string phrase) => WholeWords.IndexOf(text, phrase);

    /// <summary>Where the last whole-word occurrence of <paramref name="phrase"/> starts, or -1.</summary>
    public static int LastIndexOf(string text, string phrase)
    {
        var last = -1;
        for (var at = IndexOf(text, phrase); at >= 0; at = IndexOf(text[(at + 1)..], phrase) is var next and >= 0 ? next + at + 1 : -1)
        {
            last = at;
        }

        return last;
    }


    private static List<(string, string)> Phrases(IEnumerable<string[]> rows) =>
        [.. rows.Select(r => (r[0], r[1])).OrderByDescending(p => p.Item1.Length)];

    private static IEnumerable<string[]> Read(string folder, string file) =>
        File.ReadAllLines(Path.GetFullPath(Path.Combine(folder, file)))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'));
}
