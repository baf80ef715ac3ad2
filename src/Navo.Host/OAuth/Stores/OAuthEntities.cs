namespace Navo.Host.OAuth.Stores;

/// <summary>A client of Navo's authorization server (an assistant that registered itself), as stored.</summary>
public sealed class OAuthApplication : IOAuthEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string? ClientType { get; set; }
    public string? ApplicationType { get; set; }
    public string? ConsentType { get; set; }
    public string? DisplayName { get; set; }
    public string? DisplayNames { get; set; }
    public string[] RedirectUris { get; set; } = [];
    public string[] PostLogoutRedirectUris { get; set; } = [];
    public string[] Permissions { get; set; } = [];
    public string[] Requirements { get; set; } = [];
    public string? Settings { get; set; }
    public string? Properties { get; set; }
    public string? JsonWebKeySet { get; set; }
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();
}

/// <summary>What a person consented to for one client (OpenIddict's authorization), as stored.</summary>
public sealed class OAuthAuthorization : IOAuthEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? ApplicationId { get; set; }
    public string? Subject { get; set; }
    public string? Status { get; set; }
    public string? Type { get; set; }
    public string[] Scopes { get; set; } = [];
    public string? Properties { get; set; }
    public DateTimeOffset? CreationDate { get; set; }
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();
}

/// <summary>A code, access or refresh token OpenIddict issued, as stored (the payload only for reference tokens).</summary>
public sealed class OAuthToken : IOAuthEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? ApplicationId { get; set; }
    public Guid? AuthorizationId { get; set; }
    public string? Subject { get; set; }
    public string? Status { get; set; }
    public string? Type { get; set; }
    public string? ReferenceId { get; set; }
    public string? Payload { get; set; }
    public string? Properties { get; set; }
    public DateTimeOffset? CreationDate { get; set; }
    public DateTimeOffset? ExpirationDate { get; set; }
    public DateTimeOffset? RedemptionDate { get; set; }
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();
}
