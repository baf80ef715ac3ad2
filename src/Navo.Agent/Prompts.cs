namespace Navo.Agent;

/// <summary>Prompts are files under <c>prompts/</c>, copied beside the assembly and read once.</summary>
public static class Prompts
{
    private static readonly Lazy<string> SystemPrompt = new(() => Read("system.md"));

    /// <summary>Who Navo is and how it acts: through tools only, never inventing facts, asking before publishing.</summary>
    public static string System => SystemPrompt.Value;

    public static string Read(string relativePath) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "prompts", relativePath));
}
