using Navo.Tools.Projects;
using Navo.Tools.Sites;

namespace Navo.Tools.Experiments;

/// <summary>
/// An A/B test began on one field of the live site: half the visitors (by <see cref="ExperimentArms"/>) are served
/// <see cref="VariantPages"/>, the live version <see cref="LiveVersion"/> rendered with <see cref="Variant"/> in place
/// of <see cref="Original"/>. The document is unchanged: nothing to undo.
/// </summary>
public sealed record ExperimentStarted(
    Guid ExperimentId, string SectionId, string SectionType, string Field, string Original, string Variant,
    long LiveVersion, IReadOnlyDictionary<string, string> VariantPages, Actor By) : IProjectEvent;

/// <summary>
/// An experiment ended. <see cref="Outcome"/> is <c>applied</c> (the variant won and is now in the document:
/// <see cref="Site"/> is the site it leaves, one version whose diff is that one field), <c>kept</c> (concluded without
/// a variant win: the original stays) or <c>stopped</c> (the owner stopped it without applying anything, or a publish
/// left nothing to test: then <see cref="Reason"/> says why). <see cref="Original"/> and <see cref="VariantFigures"/>
/// are the figures it ended with.
/// </summary>
public sealed record ExperimentConcluded(
    Guid ExperimentId, string Outcome, ArmFigures Original, ArmFigures VariantFigures, Site? Site, Actor By, string? Reason = null) : IProjectEvent;

/// <summary>
/// Another version went live (a publish or a rollback) with the tested field as it was: the experiment goes on, its
/// variant's pages rendered again from <see cref="LiveVersion"/>. The document is unchanged.
/// </summary>
public sealed record ExperimentMoved(Guid ExperimentId, long LiveVersion, IReadOnlyDictionary<string, string> VariantPages, Actor By) : IProjectEvent;

/// <summary>How an experiment ended.</summary>
public static class ExperimentOutcomes
{
    public const string Applied = "applied";
    public const string Kept = "kept";
    public const string Stopped = "stopped";
}

/// <summary>
/// An experiment as the project's state keeps it: what it tries, whether it is still running, why a publish stopped it,
/// and once it ended the figures it ended with (so its results no longer need the raw events retention drops).
/// </summary>
public sealed record Experiment(
    Guid Id, string SectionId, string SectionType, string Field, string Original, string Variant, long LiveVersion,
    string Status, DateTimeOffset? StartedAt = null, string? Reason = null, ArmFigures? FinalOriginal = null, ArmFigures? FinalVariant = null)
{
    public const string Running = "running";

    public bool IsRunning => Status == Running;
}
