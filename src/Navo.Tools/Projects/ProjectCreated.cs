namespace Navo.Tools.Projects;

/// <summary>A project (one site) was created in a workspace: the first event of its stream.</summary>
public sealed record ProjectCreated(string Name, string? Description, Actor By) : IProjectEvent;
