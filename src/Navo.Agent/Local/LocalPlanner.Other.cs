using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Navo.Tools.Reading;

namespace Navo.Agent.Local;

public sealed partial class LocalPlanner
{
    /// <summary>A draft (or, for a correction of what the business is, a new draft of the current project) with what was understood.</summary>
    private static Plan Generate(Utterance u, bool redraft)
    {
        var arguments = new JsonObject { ["description"] = u.Original };
        var (name, kind, place) = BusinessMention.Read(u.Original);
        if (name is not null)
        {
            arguments["businessName"] = name;
        }

        if (kind is not null)
        {
            arguments["industry"] = kind;
        }

        if (place is not null)
        {
            arguments["place"] = place;
        }

        if (redraft)
        {
            arguments["redraft"] = true;
        }

        return Call("generate_site", arguments, redraft ? "Redrafting your site…" : "Drafting your site…", redraft ? "redraft" : "generate");
    }

    /// <summary>A fast first pass for "open Harbour Cafe", "switch to Paws &amp; Claws": a verb of going and a name.</summary>
    private static Plan? OpenByName(string text) =>
        OpenCommand().Match(text) is { Success: true } m && Slots.Clean(m.Groups["name"].Value) is { } name
            ? Call("open_project", new JsonObject { ["name"] = name }, $"Opening {name}.", "open_project")
            : null;

    /// <summary>
    /// A fast first pass for "it's Hook and Line Tackle, not Hook &amp; Line": one name set against another, both
    /// written as names (capitalised), is the business's real name; "we're a florist, not a bakery" is not (a redraft).
    /// </summary>
    private static Plan? NameByContrast(string text, PlanContext context) =>
        context.HasSite && NameContrast().Match(text) is { Success: true } m && Slots.Clean(m.Groups["name"].Value) is { } name
            ? Edit($"Renaming the business to {name}.", "set_name", new Navo.Tools.Edit.SetName(name))
            : null;

    private static Plan OpenProject(Utterance u)
    {
        var match = ProjectName().Match(u.Original) is { Success: true } called ? called : OpenName().Match(u.Original);
        var name = u.Quotes.FirstOrDefault() ?? (match.Success ? Slots.Clean(match.Groups["name"].Value) : null);
        return name is null
            ? Ask("Which site should I open? \"list my sites\" shows them.", "open_project")
            : Call("open_project", new JsonObject { ["name"] = name }, $"Opening {name}.", "open_project");
    }

    private Plan History(Utterance u)
    {
        var numbers = Slots.Numbers(u, _lexicon);
        var arguments = numbers.Count >= 2 ? new JsonObject { ["from"] = numbers[0], ["to"] = numbers[1] }
            : numbers.Count == 1 ? new JsonObject { ["limit"] = numbers[0] }
            : [];
        return Call("show_history", arguments, "Here is what changed.", "show_history");
    }

    private Plan Rollback(Utterance u)
    {
        var arguments = new JsonObject { ["action"] = "rollback" };
        if (Slots.Version(u, _lexicon) is { } version)
        {
            arguments["version"] = version;
        }

        return Call("publish_site", arguments, "Rolling back needs your yes.", "rollback");
    }

    private static Plan DeleteProject(Utterance u, PlanContext context)
    {
        var match = ProjectName().Match(u.Original);
        var name = u.Quotes.FirstOrDefault() ?? (match.Success ? match.Groups["name"].Value.Trim() : null) ?? context.ProjectName;
        return name is null
            ? Ask("Which site should I delete? \"list my sites\" shows them.", "delete_project")
            : Call("delete_project", new JsonObject { ["name"] = name }, $"Deleting {name} needs your yes.", "delete_project");
    }

    private string Period(Utterance u) =>
        u.Has(_lexicon.Words("period.7d")) ? "7d"
        : u.Has(_lexicon.Words("period.90d")) ? "90d"
        : u.Has(_lexicon.Words("period.all")) ? "all"
        : "30d";

    [GeneratedRegex(@"^\s*(?:(?:[Aa]ctually|[Nn]o|[Ss]orry|[Oo]ops|[Hh]mm)[\s,!.]+)*(?:[Ii]t's|[Ii]ts|[Ii]t is|[Ww]e're|[Ww]e are|[Tt]he name is|[Oo]ur name is|[Tt]he business is|[Ww]e're called|[Ii]t's called)\s+(?<name>\p{Lu}[\p{L}\p{N}'’&.-]*(?:\s+(?:&|and|of|the|\p{Lu}[\p{L}\p{N}'’&.-]*)){0,6})\s*,?\s+not\s+(?:just\s+)?\p{Lu}")]
    private static partial Regex NameContrast();

    [GeneratedRegex(@"^\s*(?:please\s+)?(?:open|switch to|switch over to|go to|go back to|load|work on)\s+(?:the\s+|my\s+)?(?<name>\p{Lu}[\p{L}\p{N}'’&.-]*(?:\s+(?:&|and|of|the|on|\p{Lu}[\p{L}\p{N}'’&.-]*)){0,5})(?:\s+(?:site|project|website))?\s*(?:please|pls)?[.!]*\s*$")]
    private static partial Regex OpenCommand();

    [GeneratedRegex(@"\b(?:open|switch to|go to|work on|load|show me|edit)\s+(?:the\s+|my\s+)?(?<name>[^.!?]+?)(?:\s+(?:site|project|website))?\s*[.!?]*$", RegexOptions.IgnoreCase)]
    private static partial Regex OpenName();

    [GeneratedRegex(@"\b(?:called|named)\s+(?<name>[^.!?,]+?)\s*[.!?]*$|\b(?:project|site|website)\s+(?<name>\p{Lu}[\p{L}\p{N}'&-]*(?:\s+\p{Lu}[\p{L}\p{N}'&-]*){0,4})|\b(?:the|my)\s+(?<name>\p{Lu}[\p{L}\p{N}'&-]*(?:\s+\p{Lu}[\p{L}\p{N}'&-]*){0,4})\s+(?:site|project|website)\b")]
    private static partial Regex ProjectName();
}
