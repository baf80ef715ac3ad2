using Navo.EventStore;

namespace Navo.Tools.Projects;

/// <summary>A project as its events leave it. The site version is the stream's version.</summary>
public sealed record ProjectState(Guid Id, string Name, string? Description, DateTimeOffset CreatedAt) : IAggregate<ProjectState>
{
    /// <summary>Before <see cref="ProjectCreated"/>.</summary>
    public static ProjectState Initial { get; } = new(Guid.Empty, string.Empty, null, default);

    /// <inheritdoc />
    public ProjectState Apply(EventEnvelope @event) => @event.Data switch
    {
        ProjectCreated created => this with
        {
            Id = @event.StreamId,
            Name = created.Name,
            Description = created.Description,
            CreatedAt = @event.Timestamp,
        },
        _ => this,
    };
}
