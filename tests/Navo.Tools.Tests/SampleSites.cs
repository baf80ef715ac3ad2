using Navo.Tools.Generate;
using Navo.Tools.Projects;

namespace Navo.Tools.Tests;

/// <summary>Drafted sites to test against, made by the real local engine.</summary>
public static class SampleSites
{
    private static readonly GenerationPipeline Pipeline = new(LocalSteps.All);

    public static GenerationResult Bakery() =>
        Pipeline.RunAsync(new GenerationRequest("Rosa's Bakery is a bakery in Porto. We bake sourdough bread, croissants and custard tarts.")).GetAwaiter().GetResult();

    /// <summary>A project at version 2: created, then generated.</summary>
    public static ProjectState BakeryProject()
    {
        var generated = Bakery();
        var by = new Actor(Guid.Empty, "test");
        return ProjectState.Initial
            .Apply(new ProjectCreated("Rosa's Bakery", null, by), 1, Guid.Parse("00000000-0000-0000-0000-000000000001"))
            .Apply(new Navo.Tools.Edit.SiteGenerated(generated.Site, generated.Brief, "local", generated.Steps, by), 2);
    }
}
