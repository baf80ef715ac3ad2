using System.Collections.Immutable;
using System.Text.Json;
using Navo.Host.Database;
using Npgsql;
using OpenIddict.Abstractions;
using static Navo.Host.OAuth.Stores.StoreValues;

namespace Navo.Host.OAuth.Stores;

/// <summary>
/// OpenIddict's tokens in <c>navo_oauth_tokens</c>: every code, access and refresh token it issued, so that a code is
/// redeemed once (its status and concurrency token), and a revoked token or grant is refused on its next use.
/// </summary>
public sealed class TokenStore(NavoDatabase database)
    : OAuthTable<OAuthToken>(database, "navo_oauth_tokens", Columns, Read), IOpenIddictTokenStore<OAuthToken>
{
    private const string Columns =
        "id, application_id, authorization_id, subject, status, type, reference_id, payload, properties, creation_date, expiration_date, redemption_date, concurrency_token";

    private const string Revoke = "update navo_oauth_tokens set status = 'revoked', concurrency_token = gen_random_uuid()";

    private static OAuthToken Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetGuid(0),
        ApplicationId = Nullable<Guid?>(r, 1),
        AuthorizationId = Nullable<Guid?>(r, 2),
        Subject = Nullable<string>(r, 3),
        Status = Nullable<string>(r, 4),
        Type = Nullable<string>(r, 5),
        ReferenceId = Nullable<string>(r, 6),
        Payload = Nullable<string>(r, 7),
        Properties = Nullable<string>(r, 8),
        CreationDate = Nullable<DateTimeOffset?>(r, 9),
        ExpirationDate = Nullable<DateTimeOffset?>(r, 10),
        RedemptionDate = Nullable<DateTimeOffset?>(r, 11),
        ConcurrencyToken = r.GetGuid(12),
    };

    private static object?[] Values(OAuthToken t) =>
    [
        t.Id, t.ApplicationId, t.AuthorizationId, t.Subject, t.Status, t.Type, t.ReferenceId, t.Payload, t.Properties, t.CreationDate,
        t.ExpirationDate, t.RedemptionDate,
    ];

    public async ValueTask CreateAsync(OAuthToken token, CancellationToken cancellationToken) =>
        await ExecuteAsync(Database, $"insert into navo_oauth_tokens ({Columns}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
            cancellationToken, [.. Values(token), token.ConcurrencyToken]);

    public IAsyncEnumerable<OAuthToken> FindAsync(string? subject, string? client, string? status, string? type, CancellationToken cancellationToken) =>
        ManyAsync(Database,
            $"""
            select {Columns} from navo_oauth_tokens
            where {Filter}
            """, Read, cancellationToken, subject, Client(client), status, type);

    public IAsyncEnumerable<OAuthToken> FindByApplicationIdAsync(string identifier, CancellationToken cancellationToken) =>
        WhereAsync("application_id", Id(identifier) ?? Guid.Empty, cancellationToken);

    public IAsyncEnumerable<OAuthToken> FindByAuthorizationIdAsync(string identifier, CancellationToken cancellationToken) =>
        WhereAsync("authorization_id", Id(identifier) ?? Guid.Empty, cancellationToken);

    public async ValueTask<OAuthToken?> FindByReferenceIdAsync(string identifier, CancellationToken cancellationToken) =>
        await OneWhereAsync("reference_id", identifier, cancellationToken);

    public IAsyncEnumerable<OAuthToken> FindBySubjectAsync(string subject, CancellationToken cancellationToken) =>
        WhereAsync("subject", subject, cancellationToken);

    /// <summary>Removes tokens made before <paramref name="threshold"/> that can no longer be used: expired, spent or revoked.</summary>
    public ValueTask<long> PruneAsync(DateTimeOffset threshold, CancellationToken cancellationToken) =>
        ExecuteAsync(Database,
            """
            delete from navo_oauth_tokens t where t.creation_date < $1
              and (t.status not in ('inactive', 'valid') or t.expiration_date < now()
                   or exists (select 1 from navo_oauth_authorizations a where a.id = t.authorization_id and a.status <> 'valid'))
            """, cancellationToken, threshold);

    public ValueTask<long> RevokeAsync(string? subject, string? client, string? status, string? type, CancellationToken cancellationToken) =>
        ExecuteAsync(Database,
            $"{Revoke} where {Filter}",
            cancellationToken, subject, Client(client), status, type);

    public ValueTask<long> RevokeByApplicationIdAsync(string identifier, CancellationToken cancellationToken) =>
        ExecuteAsync(Database, $"{Revoke} where application_id = $1", cancellationToken, Id(identifier) ?? Guid.Empty);

    public ValueTask<long> RevokeByAuthorizationIdAsync(string identifier, CancellationToken cancellationToken) =>
        ExecuteAsync(Database, $"{Revoke} where authorization_id = $1", cancellationToken, Id(identifier) ?? Guid.Empty);

    public ValueTask<long> RevokeBySubjectAsync(string subject, CancellationToken cancellationToken) =>
        ExecuteAsync(Database, $"{Revoke} where subject = $1", cancellationToken, subject);

    public async ValueTask UpdateAsync(OAuthToken token, CancellationToken cancellationToken)
    {
        var next = Guid.NewGuid();
        await StoreValues.UpdateAsync(Database,
            """
            update navo_oauth_tokens set application_id = $2, authorization_id = $3, subject = $4, status = $5, type = $6, reference_id = $7, payload = $8,
                properties = $9, creation_date = $10, expiration_date = $11, redemption_date = $12, concurrency_token = $14
            where id = $1 and concurrency_token = $13
            """, next, cancellationToken, [.. Values(token), token.ConcurrencyToken]);
        token.ConcurrencyToken = next;
    }

    public ValueTask<string?> GetApplicationIdAsync(OAuthToken token, CancellationToken cancellationToken) => new(Text(token.ApplicationId));
    public ValueTask<string?> GetAuthorizationIdAsync(OAuthToken token, CancellationToken cancellationToken) => new(Text(token.AuthorizationId));
    public ValueTask<DateTimeOffset?> GetCreationDateAsync(OAuthToken token, CancellationToken cancellationToken) => new(token.CreationDate);
    public ValueTask<DateTimeOffset?> GetExpirationDateAsync(OAuthToken token, CancellationToken cancellationToken) => new(token.ExpirationDate);
    public ValueTask<string?> GetIdAsync(OAuthToken token, CancellationToken cancellationToken) => new(token.Id.ToString());
    public ValueTask<string?> GetPayloadAsync(OAuthToken token, CancellationToken cancellationToken) => new(token.Payload);

    public ValueTask<ImmutableDictionary<string, JsonElement>> GetPropertiesAsync(OAuthToken token, CancellationToken cancellationToken) =>
        new(Properties(token.Properties));

    public ValueTask<DateTimeOffset?> GetRedemptionDateAsync(OAuthToken token, CancellationToken cancellationToken) => new(token.RedemptionDate);
    public ValueTask<string?> GetReferenceIdAsync(OAuthToken token, CancellationToken cancellationToken) => new(token.ReferenceId);
    public ValueTask<string?> GetStatusAsync(OAuthToken token, CancellationToken cancellationToken) => new(token.Status);
    public ValueTask<string?> GetSubjectAsync(OAuthToken token, CancellationToken cancellationToken) => new(token.Subject);
    public ValueTask<string?> GetTypeAsync(OAuthToken token, CancellationToken cancellationToken) => new(token.Type);

    public ValueTask SetApplicationIdAsync(OAuthToken token, string? identifier, CancellationToken cancellationToken) => Set(() => token.ApplicationId = Id(identifier));
    public ValueTask SetAuthorizationIdAsync(OAuthToken token, string? identifier, CancellationToken cancellationToken) => Set(() => token.AuthorizationId = Id(identifier));
    public ValueTask SetCreationDateAsync(OAuthToken token, DateTimeOffset? date, CancellationToken cancellationToken) => Set(() => token.CreationDate = date);
    public ValueTask SetExpirationDateAsync(OAuthToken token, DateTimeOffset? date, CancellationToken cancellationToken) => Set(() => token.ExpirationDate = date);
    public ValueTask SetPayloadAsync(OAuthToken token, string? payload, CancellationToken cancellationToken) => Set(() => token.Payload = payload);

    public ValueTask SetPropertiesAsync(OAuthToken token, ImmutableDictionary<string, JsonElement> properties, CancellationToken cancellationToken) =>
        Set(() => token.Properties = Json(properties));

    public ValueTask SetRedemptionDateAsync(OAuthToken token, DateTimeOffset? date, CancellationToken cancellationToken) => Set(() => token.RedemptionDate = date);
    public ValueTask SetReferenceIdAsync(OAuthToken token, string? identifier, CancellationToken cancellationToken) => Set(() => token.ReferenceId = identifier);
    public ValueTask SetStatusAsync(OAuthToken token, string? status, CancellationToken cancellationToken) => Set(() => token.Status = status);
    public ValueTask SetSubjectAsync(OAuthToken token, string? subject, CancellationToken cancellationToken) => Set(() => token.Subject = subject);
    public ValueTask SetTypeAsync(OAuthToken token, string? type, CancellationToken cancellationToken) => Set(() => token.Type = type);
}
