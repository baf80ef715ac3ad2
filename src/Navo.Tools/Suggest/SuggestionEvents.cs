using Navo.Tools.Edit;
using Navo.Tools.Projects;
using Navo.Tools.Sites;

namespace Navo.Tools.Suggest;

/// <summary>Navo proposed suggestions for the site (asked for in chat, or by the daily job); the document is unchanged.</summary>
public sealed record SuggestionsProposed(IReadOnlyList<Suggestion> Suggestions, Actor By) : IProjectEvent;

/// <summary>
/// A suggestion was applied: its operations, decided on the version before, left the site as <c>Site</c>. One event,
/// so one version whose diff is the suggestion's operations, and one step for "undo".
/// </summary>
public sealed record SuggestionApplied(Guid SuggestionId, string Kind, IReadOnlyList<EditOperation> Operations, Site Site, Actor By) : IProjectEvent;

/// <summary>The owner said no to a suggestion; the document is unchanged.</summary>
public sealed record SuggestionDismissed(Guid SuggestionId, string Kind, Actor By) : IProjectEvent;
