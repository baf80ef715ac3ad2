using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Navo.Agent.Local;

/// <summary>
/// A/B tests in the owner's words, read before the intent model (which was not trained on them): "try 'Book a table'
/// against the current button" starts one on the hero's button (the call-to-action section's when the message names
/// it, or it is the one selected); "stop the experiment" stops it; "conclude the test" ends it and applies a winner.
/// The new text must be quoted: Navo never guesses the words it puts in front of half the visitors.
/// </summary>
public sealed partial class LocalPlanner
{
    private static Plan? ExperimentAsked(Utterance u, PlanContext context)
    {
        if (!context.HasSite)
        {
            return null;
        }

        if (TryAgainst().Match(u.Original) is { Success: true } start)
        {
            var what = start.Groups["what"].Value.ToLowerInvariant();
            var cta = CallToAction().IsMatch(u.Original) || context.Sections.Any(s => s.Id == context.SelectedSectionId && s.Type == "cta");
            var (section, field) = what switch
            {
                "headline" or "title" or "heading" => (cta ? "cta" : "hero", "headline"),
                "subheadline" or "subtitle" or "tagline" => ("hero", "subheadline"),
                _ => cta ? ("cta", "buttonText") : ("hero", "ctaText"),
            };
            return Call("start_experiment", new JsonObject { ["section"] = section, ["field"] = field, ["variant"] = start.Groups["variant"].Value.Trim() },
                "Starting an experiment…", "start_experiment");
        }

        if (StopTest().IsMatch(u.Original))
        {
            return Call("conclude_experiment", new JsonObject { ["apply"] = false }, "Stopping the experiment…", "conclude_experiment");
        }

        return ConcludeTest().IsMatch(u.Original)
            ? Call("conclude_experiment", new JsonObject { ["apply"] = true }, "Ending the experiment…", "conclude_experiment")
            : null;
    }

    [GeneratedRegex(@"\b(?:try|test|a/?b[ -]test|experiment with)\s+[""“‘'](?<variant>[^""”’]{1,200}?)[""”’']\s+(?:against|vs\.?|versus)\s+(?:the\s+|our\s+|my\s+)?(?:current|existing|old|present|live)?\s*(?:main\s+|hero\s+|cta\s+|call[ -]to[ -]action\s+)?(?<what>button|headline|title|heading|subheadline|subtitle|tagline|text|one)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TryAgainst();

    [GeneratedRegex(@"\b(?:cta|call[ -]to[ -]action)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CallToAction();

    [GeneratedRegex(@"\b(?:stop|cancel|end|abort|kill|turn off)\s+(?:the\s+|this\s+|that\s+|my\s+)?(?:a/?b\s+)?(?:experiment|test|a/?b test)\b(?!.*\b(?:apply|winner)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex StopTest();

    [GeneratedRegex(@"\b(?:conclude|finish|wrap up|close)\s+(?:the\s+|this\s+|that\s+|my\s+)?(?:a/?b\s+)?(?:experiment|test)\b|\b(?:apply|pick|use)\s+the\s+winner\b", RegexOptions.IgnoreCase)]
    private static partial Regex ConcludeTest();
}
