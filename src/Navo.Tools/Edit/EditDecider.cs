using Navo.Tools.Generate;
using Navo.Tools.Projects;
using Navo.Tools.Sites;

namespace Navo.Tools.Edit;

/// <summary>Drafts the content of a new section for a business (the generation engine implements it).</summary>
public interface ISectionWriter
{
    /// <summary>A section of <paramref name="type"/> with copy for <paramref name="brief"/>; <paramref name="seed"/> varies the wording.</summary>
    Section Draft(string type, Brief? brief, string sectionId, string seed);
}

/// <summary>
/// What an edit needs besides the state: who acts, earlier versions (for undo and revert), a writer, and the
/// project's image library (asset id to its oriented width and height) for <c>set_image</c>.
/// </summary>
public sealed record EditContext(Actor By, Func<long, Site?> SiteAt, ISectionWriter Writer, IReadOnlyDictionary<string, (int Width, int Height)>? Images = null);

/// <summary>The events of an accepted edit request, or the failing operation (0-based) and why.</summary>
public sealed record EditOutcome(IReadOnlyList<object> Events, int? FailedOperation, string? Error)
{
    public bool IsAccepted => Error is null;
}

/// <summary>
/// Pure decisions for <c>edit_site</c>: each operation becomes one event (one version step), decided on the state
/// the previous ones leave; if any is refused, the whole request is, and nothing is written.
/// </summary>
public static partial class EditDecider
{
    public static EditOutcome Decide(ProjectState state, IReadOnlyList<EditOperation> operations, EditContext context)
    {
        if (state.Site is null)
        {
            return new([], 0, "There is no site yet: describe your business and Navo will draft one first.");
        }

        if (operations.Count == 0)
        {
            return new([], 0, "Say what to change.");
        }

        var events = new List<object>();
        var current = state;
        var madeHere = new Dictionary<long, Site>();
        var withEarlier = context with { SiteAt = v => madeHere.TryGetValue(v, out var site) ? site : context.SiteAt(v) };
        for (var i = 0; i < operations.Count; i++)
        {
            var decision = DecideOne(current, operations[i], withEarlier);
            if (decision.Error == AlreadySo && operations.Count > 1)
            {
                // "a darker green and rounder corners" when the corners are round already: the colour still changes.
                continue;
            }

            if (decision.Error is not null)
            {
                return new([], i, decision.Error);
            }

            events.Add(decision.Event!);
            current = current.Apply(decision.Event!, current.Version + 1);
            madeHere[current.Version] = current.Site!;
        }

        return events.Count == 0 ? new([], 0, AlreadySo) : new(events, null, null);
    }

    /// <summary>What a change that changes nothing gets; in a request of several it is passed over.</summary>
    private const string AlreadySo = "The site already looks like that.";

    private readonly record struct One(object? Event, string? Error)
    {
        public static implicit operator One(string error) => new(null, error);

        public static One Of(object @event) => new(@event, null);
    }

    private static One DecideOne(ProjectState state, EditOperation operation, EditContext context) => operation switch
    {
        SetText op => DecideSetText(state.Site!, op, context.By),
        Rewrite op => DecideRewrite(state, op, context.By),
        AddSection op => DecideAddSection(state, op, context),
        RemoveSection op => DecideRemoveSection(state.Site!, op, context.By),
        MoveSection op => DecideMoveSection(state.Site!, op, context.By),
        SetTheme op => DecideSetTheme(state.Site!, op, context.By),
        AddPage op => DecideAddPage(state, op, context),
        RemovePage op => DecideRemovePage(state.Site!, op, context.By),
        RenamePage op => DecideRenamePage(state.Site!, op, context.By),
        SetSeo op => DecideSetSeo(state.Site!, op, context.By),
        SetName op => DecideSetName(state.Site!, op, context.By),
        SetHours op => DecideSetHours(state, op, context),
        SetImage op => DecideSetImage(state.Site!, op, context),
        Undo op => DecideUndo(state, op, context),
        Revert op => DecideRevert(state, op, context),
        _ => "Navo does not know that kind of change.",
    };

    private static string NoSection(string reference) =>
        $"There is no {SiteReferences.Describe(reference).Replace("the ", string.Empty, StringComparison.Ordinal)} on this site.";
}
