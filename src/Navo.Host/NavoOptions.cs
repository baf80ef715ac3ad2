using System.ComponentModel.DataAnnotations;

namespace Navo.Host;

/// <summary>The <c>Navo</c> configuration section, validated at start-up.</summary>
public sealed class NavoOptions
{
    public const string Section = "Navo";

    /// <summary>Where Navo keeps everything on disk: <c>pg/</c> for the embedded cluster, <c>sites/</c> for published files.</summary>
    [Required(AllowEmptyStrings = false)]
    public string DataPath { get; set; } = ".navo";

    /// <summary>Logging switches.</summary>
    public LoggingOptions Logging { get; set; } = new();

    /// <summary>Where PostgreSQL's programs are, when not in the usual places.</summary>
    public string? PostgresBinaries { get; set; }

    /// <summary>Whether to seed the demo workspace at start-up.</summary>
    public bool SeedDemo { get; set; } = true;

    /// <summary>
    /// Seconds between a standby host's tries for the background jobs' leadership (and the leader's checks of its
    /// connection): how long, at most, the jobs go unrun after the leader dies.
    /// </summary>
    [Range(1, 300)]
    public int LeaderCheckSeconds { get; set; } = 5;

    /// <summary>
    /// Seconds a stopping host (SIGTERM) gives the requests and streams in flight to finish before it closes them: a
    /// rolling restart behind a load balancer loses none of them.
    /// </summary>
    [Range(1, 600)]
    public int ShutdownSeconds { get; set; } = 30;

    public sealed class LoggingOptions
    {
        /// <summary>Write one JSON object a line instead of text.</summary>
        public bool Json { get; set; }
    }
}
