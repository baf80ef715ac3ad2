using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Navo.EventStore;
using Navo.Host.Database;
using Npgsql;
using OpenIddict.Abstractions;

namespace Navo.Host.OAuth.Stores;

/// <summary>What the three stores share: JSON columns, ids as text, optimistic updates, and reading rows as a stream.</summary>
internal static class StoreValues
{
    public static ImmutableDictionary<string, JsonElement> Properties(string? json) =>
        string.IsNullOrEmpty(json)
            ? ImmutableDictionary<string, JsonElement>.Empty
            : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!.ToImmutableDictionary();

    public static string? Json<T>(IReadOnlyDictionary<string, T>? values) =>
        values is null || values.Count == 0 ? null : JsonSerializer.Serialize(values);

    public static ImmutableDictionary<string, string> Settings(string? json) =>
        string.IsNullOrEmpty(json)
            ? ImmutableDictionary<string, string>.Empty
            : JsonSerializer.Deserialize<Dictionary<string, string>>(json)!.ToImmutableDictionary();

    public static ImmutableDictionary<CultureInfo, string> DisplayNames(string? json) =>
        Settings(json).ToImmutableDictionary(pair => CultureInfo.GetCultureInfo(pair.Key), pair => pair.Value);

    public static string? Json(ImmutableDictionary<CultureInfo, string>? names) =>
        names is null || names.IsEmpty ? null : JsonSerializer.Serialize(names.ToDictionary(pair => pair.Key.Name, pair => pair.Value));

    /// <summary>OpenIddict's find and revoke filters: subject ($1), client ($2), status ($3), type ($4), each ignored when null.</summary>
    public const string Filter =
        "($1::text is null or subject = $1) and ($2::uuid is null or application_id = $2) and ($3::text is null or status = $3) and ($4::text is null or type = $4)";

    /// <summary>A client id as the filters take it: null for any client, and an id no row has for one that is not a GUID.</summary>
    public static Guid? Client(string? client) => client is null ? null : Id(client) ?? Guid.Empty;

    public static async ValueTask<long> CountAsync(NavoDatabase database, string table, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ScalarAsync<long>($"select count(*) from {table}", cancellationToken);
    }

    public static Guid? Id(string? id) => Guid.TryParse(id, out var parsed) ? parsed : null;

    public static string? Text(Guid? id) => id?.ToString();

    public static T? Nullable<T>(NpgsqlDataReader row, int column) => row.IsDBNull(column) ? default : row.GetFieldValue<T>(column);

    /// <summary>Runs an update that names the row's concurrency token; none changed means someone else changed it first.</summary>
    public static async Task UpdateAsync(NavoDatabase database, string sql, Guid newToken, CancellationToken cancellationToken, params object?[] values)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        if (await connection.ExecuteAsync(sql, cancellationToken, [.. values, newToken]) == 0)
        {
            throw new OpenIddictExceptions.ConcurrencyException("The entry was changed or removed since it was read.");
        }
    }

    public static async Task<T?> OneAsync<T>(NavoDatabase database, string sql, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken, params object?[] values)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        return await connection.SingleOrDefaultAsync(sql, map, cancellationToken, values);
    }

    public static async IAsyncEnumerable<T> ManyAsync<T>(
        NavoDatabase database, string sql, Func<NpgsqlDataReader, T> map, [EnumeratorCancellation] CancellationToken cancellationToken, params object?[] values)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        foreach (var row in await connection.ListAsync(sql, map, cancellationToken, values))
        {
            yield return row;
        }
    }

    public static async ValueTask<long> ExecuteAsync(NavoDatabase database, string sql, CancellationToken cancellationToken, params object?[] values)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(sql, cancellationToken, values);
    }

    /// <summary>The stores answer OpenIddict's own questions in SQL; arbitrary LINQ over them is not offered.</summary>
    public static NotSupportedException NoQueries() =>
        new("Navo's OAuth stores answer OpenIddict's own lookups only; query the navo_oauth_* tables in SQL instead.");

    /// <summary>A setter's change to the entity in memory; it is written by the next create or update.</summary>
    public static ValueTask Set(Action change)
    {
        change();
        return ValueTask.CompletedTask;
    }
}
