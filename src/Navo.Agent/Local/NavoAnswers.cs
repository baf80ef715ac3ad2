namespace Navo.Agent.Local;

/// <summary>
/// Short answers to questions about Navo itself ("does it work on my phone?"), from <c>prompts/local/answers.tsv</c>:
/// the answer whose keywords the question shares most, else a pointer to what Navo can do. Answering never changes the site.
/// </summary>
public static class NavoAnswers
{
    private static readonly Lazy<IReadOnlyList<(string[] Keywords, string Answer)>> Answers = new(() =>
        [.. File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "prompts", "local", "answers.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(p => (p[0].Split(' ', StringSplitOptions.RemoveEmptyEntries), p[1]))]);

    private const string Fallback = "I can't answer that one yet, and I haven't changed anything. I build and edit your site from what you tell me: "
        + "describe your business, then ask for changes like \"make it dark\" or \"add an FAQ\". Say \"help\" for more.";

    public static string For(Utterance u)
    {
        var best = Answers.Value
            .Select(a => (a.Answer, Score: a.Keywords.Count(k => Lexicon.Contains(u.Text, k))))
            .Where(a => a.Score > 0)
            .OrderByDescending(a => a.Score)
            .FirstOrDefault();
        return best.Answer ?? Fallback;
    }
}
