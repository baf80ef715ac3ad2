namespace Navo.Tools.Rendering;

/// <summary>
/// Which links the renderer writes: <c>http</c>, <c>https</c>, <c>mailto</c>, <c>tel</c>, site-relative paths and
/// <c>#</c> anchors. Anything else — <c>javascript:</c>, <c>data:</c>, <c>vbscript:</c>, protocol-relative
/// <c>//host</c>, however obfuscated — becomes <c>#</c>.
/// </summary>
public static class LinkPolicy
{
    public static bool IsAllowed(string link)
    {
        // Browsers ignore whitespace and control characters inside a scheme ("java\tscript:"): so do we, before looking.
        var compact = new string([.. link.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c))]);
        if (compact.Length == 0 || compact.Length != link.Trim().Length)
        {
            return false;
        }

        if (compact.StartsWith('#'))
        {
            return true;
        }

        if (compact.StartsWith('/'))
        {
            return !compact.StartsWith("//", StringComparison.Ordinal) && !compact.StartsWith("/\\", StringComparison.Ordinal);
        }

        var colon = compact.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            // A relative link like "about" or "menu.html": no scheme at all, and no entity-encoded one either.
            return !compact.Contains('&', StringComparison.Ordinal) && !compact.Contains('\\', StringComparison.Ordinal);
        }

        var scheme = compact[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto" or "tel"
            && Uri.TryCreate(compact, UriKind.Absolute, out var uri)
            && uri.Scheme == scheme;
    }

    /// <summary>The link if allowed, otherwise <c>#</c>.</summary>
    public static string Safe(string? link) => link is not null && IsAllowed(link) ? link.Trim() : "#";
}
