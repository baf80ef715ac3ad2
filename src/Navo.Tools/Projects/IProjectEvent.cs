namespace Navo.Tools.Projects;

/// <summary>Marks the events of a project stream; each says who made the change.</summary>
public interface IProjectEvent
{
    /// <summary>Who made the change, and where.</summary>
    Actor By { get; }
}
