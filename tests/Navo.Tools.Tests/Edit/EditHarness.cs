using Navo.Tools.Edit;
using Navo.Tools.Generate;
using Navo.Tools.Projects;
using Navo.Tools.Sites;

namespace Navo.Tools.Tests.Edit;

/// <summary>Decides edits on the bakery sample and applies them as the store would, remembering each version.</summary>
public sealed class EditHarness
{
    public static readonly Actor Someone = new(Guid.Empty, "test");

    private readonly Dictionary<long, Site> _history = [];

    public EditHarness() => _history[Project.Version] = Project.Site!;

    /// <summary>The bakery sample at version 2: "Rosa's Bakery", a bakery in Porto.</summary>
    public ProjectState Project { get; } = SampleSites.BakeryProject();

    /// <summary>The project's image library: asset id to its oriented width and height.</summary>
    public Dictionary<string, (int Width, int Height)> Images { get; } = [];

    public EditOutcome Decide(ProjectState state, params EditOperation[] operations) =>
        EditDecider.Decide(state, operations, new EditContext(Someone, v => _history.GetValueOrDefault(v), new LocalCopywriter(), Images));

    public ProjectState Apply(ProjectState state, params EditOperation[] operations)
    {
        var outcome = Decide(state, operations);
        outcome.Error.Should().BeNull();
        foreach (var @event in outcome.Events)
        {
            state = state.Apply(@event, state.Version + 1);
            _history[state.Version] = state.Site!;
        }

        return state;
    }

    /// <summary>The error of an operation that must be refused, having checked that nothing would be written.</summary>
    public string Refusal(ProjectState state, EditOperation operation)
    {
        var outcome = Decide(state, operation);
        outcome.Events.Should().BeEmpty();
        return outcome.Error!;
    }

    public static Section Only(ProjectState state, string type) => state.Site!.Pages.SelectMany(p => p.Sections).Single(s => s.Type == type);

    public static string[] Types(ProjectState state) => [.. state.Site!.Pages[0].Sections.Select(s => s.Type)];
}
