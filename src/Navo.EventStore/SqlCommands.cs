using Npgsql;

namespace Navo.EventStore;

/// <summary>
/// Positional SQL (<c>$1</c>, <c>$2</c>, ...) on an open connection (inside its transaction, if one is open) or a data
/// source: the one way Navo binds parameters outside the event store's batches. Null values are sent as SQL null.
/// </summary>
public static class SqlCommands
{
    /// <summary>A one-statement command on its own pooled connection, for reads that need no transaction.</summary>
    public static NpgsqlCommand Command(this NpgsqlDataSource dataSource, string sql, params object?[] values)
    {
        var command = dataSource.CreateCommand(sql);
        Bind(command.Parameters, values);
        return command;
    }

    public static NpgsqlCommand Command(this NpgsqlConnection connection, string sql, params object?[] values)
    {
        var command = new NpgsqlCommand(sql, connection);
        Bind(command.Parameters, values);
        return command;
    }

    /// <summary>The first column of the first row, or default when there is none (or it is null).</summary>
    public static async Task<T> ScalarAsync<T>(this NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object?[] values)
    {
        await using var command = connection.Command(sql, values);
        var result = await command.ExecuteScalarAsync(cancellationToken);
        return result is null or DBNull ? default! : (T)result;
    }

    public static async Task<int> ExecuteAsync(this NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object?[] values)
    {
        await using var command = connection.Command(sql, values);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The first row mapped by <paramref name="map"/>, or default when there is none.</summary>
    public static async Task<T?> SingleOrDefaultAsync<T>(
        this NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken, params object?[] values)
    {
        await using var command = connection.Command(sql, values);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? map(reader) : default;
    }

    public static async Task<List<T>> ListAsync<T>(
        this NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken, params object?[] values)
    {
        await using var command = connection.Command(sql, values);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    private static void Bind(NpgsqlParameterCollection parameters, object?[] values)
    {
        foreach (var value in values)
        {
            parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
    }
}
