using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using Navo.Host.Database;
using Npgsql;
using OpenIddict.Abstractions;
using static Navo.Host.OAuth.Stores.StoreValues;

namespace Navo.Host.OAuth.Stores;

/// <summary>OpenIddict's clients in <c>navo_oauth_applications</c>: the getters and setters work on the entity, the rest in SQL.</summary>
public sealed class ApplicationStore(NavoDatabase database)
    : OAuthTable<OAuthApplication>(database, "navo_oauth_applications", Columns, Read), IOpenIddictApplicationStore<OAuthApplication>
{
    private const string Columns =
        "id, client_id, client_secret, client_type, application_type, consent_type, display_name, display_names, redirect_uris, "
        + "post_logout_redirect_uris, permissions, requirements, settings, properties, json_web_key_set, concurrency_token";

    private static OAuthApplication Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetGuid(0),
        ClientId = Nullable<string>(r, 1),
        ClientSecret = Nullable<string>(r, 2),
        ClientType = Nullable<string>(r, 3),
        ApplicationType = Nullable<string>(r, 4),
        ConsentType = Nullable<string>(r, 5),
        DisplayName = Nullable<string>(r, 6),
        DisplayNames = Nullable<string>(r, 7),
        RedirectUris = r.GetFieldValue<string[]>(8),
        PostLogoutRedirectUris = r.GetFieldValue<string[]>(9),
        Permissions = r.GetFieldValue<string[]>(10),
        Requirements = r.GetFieldValue<string[]>(11),
        Settings = Nullable<string>(r, 12),
        Properties = Nullable<string>(r, 13),
        JsonWebKeySet = Nullable<string>(r, 14),
        ConcurrencyToken = r.GetGuid(15),
    };

    private static object?[] Values(OAuthApplication a) =>
    [
        a.Id, a.ClientId, a.ClientSecret, a.ClientType, a.ApplicationType, a.ConsentType, a.DisplayName, a.DisplayNames, a.RedirectUris,
        a.PostLogoutRedirectUris, a.Permissions, a.Requirements, a.Settings, a.Properties, a.JsonWebKeySet,
    ];

    public async ValueTask CreateAsync(OAuthApplication application, CancellationToken cancellationToken) =>
        await ExecuteAsync(Database, $"insert into navo_oauth_applications ({Columns}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
            cancellationToken, [.. Values(application), application.ConcurrencyToken]);

    public async ValueTask<OAuthApplication?> FindByClientIdAsync(string identifier, CancellationToken cancellationToken) =>
        await OneWhereAsync("client_id", identifier, cancellationToken);

    public IAsyncEnumerable<OAuthApplication> FindByPostLogoutRedirectUriAsync(string uri, CancellationToken cancellationToken) =>
        ManyAsync(Database, $"select {Columns} from navo_oauth_applications where $1 = any(post_logout_redirect_uris)", Read, cancellationToken, uri);

    public IAsyncEnumerable<OAuthApplication> FindByRedirectUriAsync(string uri, CancellationToken cancellationToken) =>
        ManyAsync(Database, $"select {Columns} from navo_oauth_applications where $1 = any(redirect_uris)", Read, cancellationToken, uri);

    public async ValueTask UpdateAsync(OAuthApplication application, CancellationToken cancellationToken)
    {
        var next = Guid.NewGuid();
        await StoreValues.UpdateAsync(Database,
            """
            update navo_oauth_applications set client_id = $2, client_secret = $3, client_type = $4, application_type = $5, consent_type = $6,
                display_name = $7, display_names = $8, redirect_uris = $9, post_logout_redirect_uris = $10, permissions = $11, requirements = $12,
                settings = $13, properties = $14, json_web_key_set = $15, concurrency_token = $17
            where id = $1 and concurrency_token = $16
            """, next, cancellationToken, [.. Values(application), application.ConcurrencyToken]);
        application.ConcurrencyToken = next;
    }

    public ValueTask<string?> GetApplicationTypeAsync(OAuthApplication application, CancellationToken cancellationToken) => new(application.ApplicationType);
    public ValueTask<string?> GetClientIdAsync(OAuthApplication application, CancellationToken cancellationToken) => new(application.ClientId);
    public ValueTask<string?> GetClientSecretAsync(OAuthApplication application, CancellationToken cancellationToken) => new(application.ClientSecret);
    public ValueTask<string?> GetClientTypeAsync(OAuthApplication application, CancellationToken cancellationToken) => new(application.ClientType);
    public ValueTask<string?> GetConsentTypeAsync(OAuthApplication application, CancellationToken cancellationToken) => new(application.ConsentType);
    public ValueTask<string?> GetDisplayNameAsync(OAuthApplication application, CancellationToken cancellationToken) => new(application.DisplayName);

    public ValueTask<ImmutableDictionary<CultureInfo, string>> GetDisplayNamesAsync(OAuthApplication application, CancellationToken cancellationToken) =>
        new(DisplayNames(application.DisplayNames));

    public ValueTask<string?> GetIdAsync(OAuthApplication application, CancellationToken cancellationToken) => new(application.Id.ToString());

    public ValueTask<JsonWebKeySet?> GetJsonWebKeySetAsync(OAuthApplication application, CancellationToken cancellationToken) =>
        new(application.JsonWebKeySet is { } json ? new JsonWebKeySet(json) : null);

    public ValueTask<ImmutableArray<string>> GetPermissionsAsync(OAuthApplication application, CancellationToken cancellationToken) => new([.. application.Permissions]);

    public ValueTask<ImmutableArray<string>> GetPostLogoutRedirectUrisAsync(OAuthApplication application, CancellationToken cancellationToken) =>
        new([.. application.PostLogoutRedirectUris]);

    public ValueTask<ImmutableDictionary<string, JsonElement>> GetPropertiesAsync(OAuthApplication application, CancellationToken cancellationToken) =>
        new(Properties(application.Properties));

    public ValueTask<ImmutableArray<string>> GetRedirectUrisAsync(OAuthApplication application, CancellationToken cancellationToken) => new([.. application.RedirectUris]);
    public ValueTask<ImmutableArray<string>> GetRequirementsAsync(OAuthApplication application, CancellationToken cancellationToken) => new([.. application.Requirements]);

    public ValueTask<ImmutableDictionary<string, string>> GetSettingsAsync(OAuthApplication application, CancellationToken cancellationToken) =>
        new(Settings(application.Settings));

    public ValueTask SetApplicationTypeAsync(OAuthApplication application, string? type, CancellationToken cancellationToken) => Set(() => application.ApplicationType = type);
    public ValueTask SetClientIdAsync(OAuthApplication application, string? identifier, CancellationToken cancellationToken) => Set(() => application.ClientId = identifier);
    public ValueTask SetClientSecretAsync(OAuthApplication application, string? secret, CancellationToken cancellationToken) => Set(() => application.ClientSecret = secret);
    public ValueTask SetClientTypeAsync(OAuthApplication application, string? type, CancellationToken cancellationToken) => Set(() => application.ClientType = type);
    public ValueTask SetConsentTypeAsync(OAuthApplication application, string? type, CancellationToken cancellationToken) => Set(() => application.ConsentType = type);
    public ValueTask SetDisplayNameAsync(OAuthApplication application, string? name, CancellationToken cancellationToken) => Set(() => application.DisplayName = name);

    public ValueTask SetDisplayNamesAsync(OAuthApplication application, ImmutableDictionary<CultureInfo, string> names, CancellationToken cancellationToken) =>
        Set(() => application.DisplayNames = Json(names));

    public ValueTask SetJsonWebKeySetAsync(OAuthApplication application, JsonWebKeySet? set, CancellationToken cancellationToken) =>
        Set(() => application.JsonWebKeySet = set is null ? null : JsonSerializer.Serialize(set));

    public ValueTask SetPermissionsAsync(OAuthApplication application, ImmutableArray<string> permissions, CancellationToken cancellationToken) =>
        Set(() => application.Permissions = [.. permissions]);

    public ValueTask SetPostLogoutRedirectUrisAsync(OAuthApplication application, ImmutableArray<string> uris, CancellationToken cancellationToken) =>
        Set(() => application.PostLogoutRedirectUris = [.. uris]);

    public ValueTask SetPropertiesAsync(OAuthApplication application, ImmutableDictionary<string, JsonElement> properties, CancellationToken cancellationToken) =>
        Set(() => application.Properties = Json(properties));

    public ValueTask SetRedirectUrisAsync(OAuthApplication application, ImmutableArray<string> uris, CancellationToken cancellationToken) =>
        Set(() => application.RedirectUris = [.. uris]);

    public ValueTask SetRequirementsAsync(OAuthApplication application, ImmutableArray<string> requirements, CancellationToken cancellationToken) =>
        Set(() => application.Requirements = [.. requirements]);

    public ValueTask SetSettingsAsync(OAuthApplication application, ImmutableDictionary<string, string> settings, CancellationToken cancellationToken) =>
        Set(() => application.Settings = Json(settings));
}
