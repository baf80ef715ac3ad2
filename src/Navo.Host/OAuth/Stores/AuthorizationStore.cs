using System.Collections.Immutable;
using System.Text.Json;
using Navo.Host.Database;
using Npgsql;
using OpenIddict.Abstractions;
using static Navo.Host.OAuth.Stores.StoreValues;

namespace Navo.Host.OAuth.Stores;

/// <summary>OpenIddict's authorizations (what a person consented to for a client) in <c>navo_oauth_authorizations</c>.</summary>
public sealed class AuthorizationStore(NavoDatabase database)
    : OAuthTable<OAuthAuthorization>(database, "navo_oauth_authorizations", Columns, Read), IOpenIddictAuthorizationStore<OAuthAuthorization>
{
    private const string Columns = "id, application_id, subject, status, type, scopes, properties, creation_date, concurrency_token";

    private static OAuthAuthorization Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetGuid(0),
        ApplicationId = Nullable<Guid?>(r, 1),
        Subject = Nullable<string>(r, 2),
        Status = Nullable<string>(r, 3),
        Type = Nullable<string>(r, 4),
        Scopes = r.GetFieldValue<string[]>(5),
        Properties = Nullable<string>(r, 6),
        CreationDate = Nullable<DateTimeOffset?>(r, 7),
        ConcurrencyToken = r.GetGuid(8),
    };

    private static object?[] Values(OAuthAuthorization a) =>
        [a.Id, a.ApplicationId, a.Subject, a.Status, a.Type, a.Scopes, a.Properties, a.CreationDate];

    public async ValueTask CreateAsync(OAuthAuthorization authorization, CancellationToken cancellationToken) =>
        await ExecuteAsync(Database, $"insert into navo_oauth_authorizations ({Columns}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            cancellationToken, [.. Values(authorization), authorization.ConcurrencyToken]);

    public IAsyncEnumerable<OAuthAuthorization> FindAsync(
        string? subject, string? client, string? status, string? type, ImmutableArray<string>? scopes, CancellationToken cancellationToken) =>
        ManyAsync(Database,
            $"""
            select {Columns} from navo_oauth_authorizations
            where {Filter} and ($5::text[] is null or scopes @> $5)
            """,
            Read, cancellationToken, subject, Client(client), status, type, scopes is { } wanted ? wanted.ToArray() : null);

    public IAsyncEnumerable<OAuthAuthorization> FindByApplicationIdAsync(string identifier, CancellationToken cancellationToken) =>
        WhereAsync("application_id", Id(identifier) ?? Guid.Empty, cancellationToken);

    public IAsyncEnumerable<OAuthAuthorization> FindBySubjectAsync(string subject, CancellationToken cancellationToken) =>
        WhereAsync("subject", subject, cancellationToken);

    /// <summary>Removes authorizations older than <paramref name="threshold"/> that are no longer valid, or ad hoc ones left with no token.</summary>
    public ValueTask<long> PruneAsync(DateTimeOffset threshold, CancellationToken cancellationToken) =>
        ExecuteAsync(Database,
            """
            delete from navo_oauth_authorizations a where a.creation_date < $1
              and (a.status <> 'valid' or (a.type = 'ad-hoc' and not exists (select 1 from navo_oauth_tokens t where t.authorization_id = a.id)))
            """, cancellationToken, threshold);

    public ValueTask<long> RevokeAsync(string? subject, string? client, string? status, string? type, CancellationToken cancellationToken) =>
        ExecuteAsync(Database,
            $"""
            update navo_oauth_authorizations set status = 'revoked', concurrency_token = gen_random_uuid()
            where {Filter}
            """, cancellationToken, subject, Client(client), status, type);

    public ValueTask<long> RevokeByApplicationIdAsync(string identifier, CancellationToken cancellationToken) =>
        ExecuteAsync(Database, "update navo_oauth_authorizations set status = 'revoked', concurrency_token = gen_random_uuid() where application_id = $1",
            cancellationToken, Id(identifier) ?? Guid.Empty);

    public ValueTask<long> RevokeBySubjectAsync(string subject, CancellationToken cancellationToken) =>
        ExecuteAsync(Database, "update navo_oauth_authorizations set status = 'revoked', concurrency_token = gen_random_uuid() where subject = $1",
            cancellationToken, subject);

    public async ValueTask UpdateAsync(OAuthAuthorization authorization, CancellationToken cancellationToken)
    {
        var next = Guid.NewGuid();
        await StoreValues.UpdateAsync(Database,
            """
            update navo_oauth_authorizations set application_id = $2, subject = $3, status = $4, type = $5, scopes = $6, properties = $7, creation_date = $8,
                concurrency_token = $10
            where id = $1 and concurrency_token = $9
            """, next, cancellationToken, [.. Values(authorization), authorization.ConcurrencyToken]);
        authorization.ConcurrencyToken = next;
    }

    public ValueTask<string?> GetApplicationIdAsync(OAuthAuthorization authorization, CancellationToken cancellationToken) => new(Text(authorization.ApplicationId));
    public ValueTask<DateTimeOffset?> GetCreationDateAsync(OAuthAuthorization authorization, CancellationToken cancellationToken) => new(authorization.CreationDate);
    public ValueTask<string?> GetIdAsync(OAuthAuthorization authorization, CancellationToken cancellationToken) => new(authorization.Id.ToString());

    public ValueTask<ImmutableDictionary<string, JsonElement>> GetPropertiesAsync(OAuthAuthorization authorization, CancellationToken cancellationToken) =>
        new(Properties(authorization.Properties));

    public ValueTask<ImmutableArray<string>> GetScopesAsync(OAuthAuthorization authorization, CancellationToken cancellationToken) => new([.. authorization.Scopes]);
    public ValueTask<string?> GetStatusAsync(OAuthAuthorization authorization, CancellationToken cancellationToken) => new(authorization.Status);
    public ValueTask<string?> GetSubjectAsync(OAuthAuthorization authorization, CancellationToken cancellationToken) => new(authorization.Subject);
    public ValueTask<string?> GetTypeAsync(OAuthAuthorization authorization, CancellationToken cancellationToken) => new(authorization.Type);

    public ValueTask SetApplicationIdAsync(OAuthAuthorization authorization, string? identifier, CancellationToken cancellationToken) =>
        Set(() => authorization.ApplicationId = Id(identifier));

    public ValueTask SetCreationDateAsync(OAuthAuthorization authorization, DateTimeOffset? date, CancellationToken cancellationToken) =>
        Set(() => authorization.CreationDate = date);

    public ValueTask SetPropertiesAsync(OAuthAuthorization authorization, ImmutableDictionary<string, JsonElement> properties, CancellationToken cancellationToken) =>
        Set(() => authorization.Properties = Json(properties));

    public ValueTask SetScopesAsync(OAuthAuthorization authorization, ImmutableArray<string> scopes, CancellationToken cancellationToken) =>
        Set(() => authorization.Scopes = [.. scopes]);

    public ValueTask SetStatusAsync(OAuthAuthorization authorization, string? status, CancellationToken cancellationToken) => Set(() => authorization.Status = status);
    public ValueTask SetSubjectAsync(OAuthAuthorization authorization, string? subject, CancellationToken cancellationToken) => Set(() => authorization.Subject = subject);
    public ValueTask SetTypeAsync(OAuthAuthorization authorization, string? type, CancellationToken cancellationToken) => Set(() => authorization.Type = type);
}
