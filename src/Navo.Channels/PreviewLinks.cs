using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace Navo.Channels;

/// <summary>
/// Signed, read-only links to one version of a site's preview, for people who have no Navo session (the members of a
/// Slack conversation): <c>/preview/shared/{token}/</c>, valid for <see cref="Lifetime"/>. The token is protected
/// with ASP.NET Core Data Protection, so it can be neither forged nor changed to name another site or workspace.
/// </summary>
public sealed class PreviewLinks(IDataProtectionProvider protection, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public const string PathPrefix = "/preview/shared/";

    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("Navo.PreviewLinks").ToTimeLimitedDataProtector();

    /// <summary>The link's path (to put after Navo's public address): <c>preview/shared/{token}/</c>.</summary>
    public string PathFor(string tenantId, Guid projectId, long version) =>
        PathPrefix.TrimStart('/') + _protector.Protect(
            string.Create(CultureInfo.InvariantCulture, $"{tenantId}|{projectId:N}|{version}"), time.GetUtcNow() + Lifetime) + "/";

    /// <summary>The workspace, site and version a token names; null when it is forged, changed or expired.</summary>
    public (string TenantId, Guid ProjectId, long Version)? Read(string token)
    {
        try
        {
            var parts = _protector.Unprotect(token, out var expires).Split('|');
            return expires > time.GetUtcNow() && parts.Length == 3 && Guid.TryParse(parts[1], out var project)
                && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
                ? (parts[0], project, version)
                : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
