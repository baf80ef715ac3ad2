using Navo.Host.Database;
using Npgsql;
using static Navo.Host.OAuth.Stores.StoreValues;

namespace Navo.Host.OAuth.Stores;

/// <summary>An entry of Navo's OAuth tables: every one is found by its id.</summary>
public interface IOAuthEntry
{
    Guid Id { get; }
}

/// <summary>
/// What OpenIddict asks of each of its three stores in the same words: count, delete, find by id, list and make a new
/// entry, answered from one table (<paramref name="table"/>, its <paramref name="columns"/> read by <paramref name="read"/>).
/// Lookups by a column of the table's own (a subject, a client) go through <see cref="WhereAsync"/>.
/// </summary>
public abstract class OAuthTable<T>(NavoDatabase database, string table, string columns, Func<NpgsqlDataReader, T> read)
    where T : class, IOAuthEntry, new()
{
    protected NavoDatabase Database => database;

    public ValueTask<long> CountAsync(CancellationToken cancellationToken) => StoreValues.CountAsync(database, table, cancellationToken);

    public ValueTask<long> CountAsync<TResult>(Func<IQueryable<T>, IQueryable<TResult>> query, CancellationToken cancellationToken) => throw NoQueries();

    public async ValueTask DeleteAsync(T entry, CancellationToken cancellationToken) =>
        await ExecuteAsync(database, $"delete from {table} where id = $1", cancellationToken, entry.Id);

    public async ValueTask<T?> FindByIdAsync(string identifier, CancellationToken cancellationToken) =>
        Id(identifier) is { } id ? await OneAsync(database, $"select {columns} from {table} where id = $1", read, cancellationToken, id) : null;

    public ValueTask<TResult?> GetAsync<TState, TResult>(
        Func<IQueryable<T>, TState, IQueryable<TResult>> query, TState state, CancellationToken cancellationToken) => throw NoQueries();

    public IAsyncEnumerable<T> ListAsync(int? count, int? offset, CancellationToken cancellationToken) =>
        ManyAsync(database, $"select {columns} from {table} order by id limit $1 offset $2", read, cancellationToken, count, offset ?? 0);

    public IAsyncEnumerable<TResult> ListAsync<TState, TResult>(
        Func<IQueryable<T>, TState, IQueryable<TResult>> query, TState state, CancellationToken cancellationToken) => throw NoQueries();

    public ValueTask<T> InstantiateAsync(CancellationToken cancellationToken) => new(new T());

    /// <summary>The entries whose <paramref name="column"/> (a name of this code's, never a caller's) equals <paramref name="value"/>.</summary>
    protected IAsyncEnumerable<T> WhereAsync(string column, object? value, CancellationToken cancellationToken) =>
        ManyAsync(database, $"select {columns} from {table} where {column} = $1", read, cancellationToken, value);

    /// <summary>The one entry whose <paramref name="column"/> equals <paramref name="value"/>, or null.</summary>
    protected async ValueTask<T?> OneWhereAsync(string column, object? value, CancellationToken cancellationToken) =>
        await OneAsync(database, $"select {columns} from {table} where {column} = $1", read, cancellationToken, value);
}
