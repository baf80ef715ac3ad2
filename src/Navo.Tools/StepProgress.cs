namespace Navo.Tools;

/// <summary>Progress of a draft or a publish, for the channel's progress bar: which step finished, and how many of how many.</summary>
public sealed record StepProgress(string Step, int Done, int Total);
