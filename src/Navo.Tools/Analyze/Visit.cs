namespace Navo.Tools.Analyze;

/// <summary>What a visit to a published site did (stored as a number in <c>navo_analytics_events.kind</c>).</summary>
public enum VisitKind : short
{
    /// <summary>A page was opened (the beacon).</summary>
    PageView = 1,

    /// <summary>The hero's button was clicked (the beacon).</summary>
    HeroClick = 2,

    /// <summary>A call-to-action section's button was clicked (the beacon).</summary>
    CtaClick = 3,

    /// <summary>The contact form reached the site's form endpoint: counted by the server, never by the beacon.</summary>
    FormReceived = 4,
}

/// <summary>
/// One counted event of a published site. Nothing in it names a person: <paramref name="Visitor"/> is
/// <see cref="DailySalts.VisitorAsync"/>'s hash, which changes every day.
/// </summary>
/// <param name="TenantId">The workspace that owns the site, from the live site's pointer (never from the request).</param>
/// <param name="ProjectId">The site.</param>
/// <param name="At">When the host received it (UTC); its day is the day the visit counts for.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Visitor">16 bytes: the visitor of that day.</param>
/// <param name="Path">The page ("/", "/menu"), when known.</param>
/// <param name="Referrer">The host of the page the visitor came from, when another site.</param>
/// <param name="Width">The viewport's width in CSS pixels, when sent.</param>
public sealed record Visit(string TenantId, Guid ProjectId, DateTimeOffset At, VisitKind Kind, byte[] Visitor, string? Path, string? Referrer, short? Width)
{
    /// <summary>The UTC day the visit counts for.</summary>
    public DateOnly Day => DateOnly.FromDateTime(At.UtcDateTime);
}
