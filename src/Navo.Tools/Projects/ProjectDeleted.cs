namespace Navo.Tools.Projects;

/// <summary>
/// The project was deleted: it leaves the workspace's lists and cannot be opened, edited or published again; its
/// live site answers 410 Gone and its address (<c>Slug</c>, when it had one) and domains are free for other sites.
/// </summary>
public sealed record ProjectDeleted(string Name, string? Slug, Actor By) : IProjectEvent;
