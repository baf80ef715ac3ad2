using System.Text.RegularExpressions;
using Navo.Agent.Conversations;

namespace Navo.Agent.Local;

/// <summary>
/// Yes and no from the words in <c>prompts/local/slots/answers.tsv</c>: a reply that is one of them ("yep", "not
/// yet", "👍"), or starts with one and adds only a few words of its own ("yes please go ahead", "no, leave it").
/// Anything longer is a new request, which cancels the question. Needs no model, so every chat client uses it.
/// </summary>
public sealed partial class ConfirmationReader(Lexicon lexicon) : IConfirmationReader
{
    private const int MostExtraWords = 4;

    public bool? Read(string text)
    {
        if (lexicon.Answers.TryGetValue(text.Trim().ToLowerInvariant(), out var whole))
        {
            return whole;
        }

        var words = Words().Matches(text.ToLowerInvariant().Replace('’', '\'')).Select(m => m.Value).ToList();
        if (words.Count == 0)
        {
            return null;
        }

        // The longest answer the reply starts with.
        for (var length = Math.Min(words.Count, 4); length >= 1; length--)
        {
            if (lexicon.Answers.TryGetValue(string.Join(' ', words.Take(length)), out var yes) && words.Count - length <= MostExtraWords)
            {
                // "yes but not yet" takes it back.
                return yes && !words.Skip(length).Any(w => w is "not" or "don't" or "dont" or "no" or "never" or "cancel" or "wait");
            }
        }

        return null;
    }

    [GeneratedRegex(@"[\p{L}\p{N}']+|\p{So}")]
    private static partial Regex Words();
}
