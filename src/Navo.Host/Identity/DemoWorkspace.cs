using Microsoft.AspNetCore.Identity;
using Navo.EventStore;
using Npgsql;

namespace Navo.Host.Identity;

/// <summary>The demo workspace that <c>./build.sh run</c> opens with: <c>demo@navo.local</c> / <c>navo-demo</c>.</summary>
public sealed partial class DemoWorkspace(ILogger<DemoWorkspace> logger)
{
    public const string TenantId = "demo";
    public const string Email = "demo@navo.local";
    public const string Password = "navo-demo";

    private TenantContext? _owner;

    /// <summary>The demo workspace's owner; available once seeded.</summary>
    public TenantContext Owner => _owner ?? throw new InvalidOperationException("The demo workspace has not been seeded.");

    /// <summary>Creates the workspace and its owner unless they exist, and remembers the owner.</summary>
    public async Task EnsureAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var workspace = new NpgsqlCommand(
            "insert into navo_tenants (id, name) values ($1, 'Demo workspace') on conflict do nothing", connection, transaction))
        {
            workspace.Parameters.Add(new NpgsqlParameter { Value = TenantId });
            await workspace.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var user = new NpgsqlCommand(
            """
            insert into navo_users (tenant_id, id, email, password_hash, role) values ($1, $2, $3, $4, 'owner')
            on conflict do nothing
            """, connection, transaction))
        {
            user.Parameters.Add(new NpgsqlParameter { Value = TenantId });
            user.Parameters.Add(new NpgsqlParameter { Value = Guid.CreateVersion7() });
            user.Parameters.Add(new NpgsqlParameter { Value = Email });
            user.Parameters.Add(new NpgsqlParameter { Value = new PasswordHasher<object>().HashPassword(Email, Password) });
            await user.ExecuteNonQueryAsync(cancellationToken);
        }

        Guid ownerId;
        await using (var owner = new NpgsqlCommand(
            "select id from navo_users where tenant_id = $1 and lower(email) = $2", connection, transaction))
        {
            owner.Parameters.Add(new NpgsqlParameter { Value = TenantId });
            owner.Parameters.Add(new NpgsqlParameter { Value = Email });
            ownerId = (Guid)(await owner.ExecuteScalarAsync(cancellationToken))!;
        }

        await transaction.CommitAsync(cancellationToken);
        _owner = new TenantContext(TenantId, ownerId, ["owner"]);
        LogSeeded(Email, Password);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo workspace ready: sign in as {Email} / {Password}")]
    private partial void LogSeeded(string email, string password);
}
