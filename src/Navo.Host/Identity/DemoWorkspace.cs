using Microsoft.AspNetCore.Identity;
using Navo.EventStore;
using Npgsql;

namespace Navo.Host.Identity;

/// <summary>
/// The demo workspace that <c>./build.sh run</c> opens with, in Development only: <c>demo@navo.local</c> /
/// <c>navo-demo</c>, its owner.
/// </summary>
public sealed partial class DemoWorkspace(ILogger<DemoWorkspace> logger)
{
    public const string TenantId = "demo";
    public const string Email = "demo@navo.local";
    public const string Password = "navo-demo";

    /// <summary>Creates the workspace and its owner unless they exist.</summary>
    public async Task EnsureAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync("insert into navo_tenants (id, name) values ($1, 'Demo workspace') on conflict do nothing", cancellationToken, TenantId);
        await connection.ExecuteAsync(
            "insert into navo_accounts (id, email, password_hash) values ($1, $2, $3) on conflict do nothing",
            cancellationToken, Guid.CreateVersion7(), Email, new PasswordHasher<object>().HashPassword(Email, Password));
        await connection.ExecuteAsync(
            "insert into navo_members (tenant_id, user_id, role) select $1, id, 'owner' from navo_accounts where lower(email) = $2 on conflict do nothing",
            cancellationToken, TenantId, Email);
        await transaction.CommitAsync(cancellationToken);
        LogSeeded(Email, Password);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo workspace ready: sign in as {Email} / {Password}")]
    private partial void LogSeeded(string email, string password);
}
