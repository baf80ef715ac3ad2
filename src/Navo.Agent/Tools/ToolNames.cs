namespace Navo.Agent.Tools;

/// <summary>The tools' names exactly as design.md section 6 gives them and as the model sees them on the wire.</summary>
public static class ToolNames
{
    public const string GenerateSite = "generate_site";
    public const string EditSite = "edit_site";
    public const string AnalyzeSite = "analyze_site";
    public const string PublishSite = "publish_site";
    public const string ApplySuggestion = "apply_suggestion";
    public const string DismissSuggestion = "dismiss_suggestion";
    public const string StartExperiment = "start_experiment";
    public const string ConcludeExperiment = "conclude_experiment";
    public const string ShowHistory = "show_history";
    public const string ListProjects = "list_projects";
    public const string OpenProject = "open_project";
    public const string DeleteProject = "delete_project";
    public const string ShowLeads = "show_leads";
    public const string Help = "help";

    /// <summary>Who may make a call: anyone in the workspace, editors and owners, or owners only (design.md section 2).</summary>
    public static ToolAccess AccessOf(string name) => name switch
    {
        GenerateSite or EditSite or PublishSite or ApplySuggestion or DismissSuggestion or StartExperiment or ConcludeExperiment => ToolAccess.Edit,
        DeleteProject => ToolAccess.Own,
        _ => ToolAccess.Read,
    };
}

/// <summary>The role a tool needs.</summary>
public enum ToolAccess
{
    /// <summary>Any member: viewers read, preview and analyze.</summary>
    Read,

    /// <summary>Editors and owners change sites.</summary>
    Edit,

    /// <summary>Owners only: deleting a site.</summary>
    Own,
}
