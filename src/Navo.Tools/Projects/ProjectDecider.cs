namespace Navo.Tools.Projects;

/// <summary>Pure decisions about projects: a request in, events or a plain-language error out.</summary>
public static class ProjectDecider
{
    /// <summary>The longest project name accepted.</summary>
    public const int MaxNameLength = 100;

    /// <summary>The longest description accepted (as any other site field).</summary>
    public const int MaxDescriptionLength = 2000;

    /// <summary>Decides the creation of a project, or says in plain words why not.</summary>
    public static Decision<ProjectCreated> Create(string? name, string? description, Actor by)
    {
        var errors = new Dictionary<string, string[]>();
        var trimmedName = name?.Trim() ?? string.Empty;
        if (trimmedName.Length == 0)
        {
            errors["name"] = ["Give the project a name."];
        }
        else if (trimmedName.Length > MaxNameLength)
        {
            errors["name"] = [$"The name can be at most {MaxNameLength} characters."];
        }
        else if (trimmedName.Any(char.IsControl))
        {
            errors["name"] = ["The name cannot contain control characters."];
        }

        var trimmedDescription = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        if (trimmedDescription?.Length > MaxDescriptionLength)
        {
            errors["description"] = [$"The description can be at most {MaxDescriptionLength} characters."];
        }

        return errors.Count > 0
            ? Decision<ProjectCreated>.Rejected(errors)
            : Decision<ProjectCreated>.Accepted(new ProjectCreated(trimmedName, trimmedDescription, by));
    }
}
