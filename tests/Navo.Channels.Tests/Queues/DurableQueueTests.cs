using Navo.Channels.Queues;
using Navo.EventStore;
using Navo.Testing;
using Npgsql;

namespace Navo.Channels.Tests.Queues;

/// <summary>
/// The queue's bookkeeping against the real PostgreSQL: what a finished attempt did is recorded even when the host is
/// stopping at that moment, and a give-up is committed before the person is told, so a failure to tell them undoes nothing.
/// </summary>
public sealed class DurableQueueTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task A_turn_answered_just_as_the_host_stops_is_marked_done_and_not_answered_again()
    {
        var queue = await QueueAsync(maxAttempts: 5);
        var id = await queue.AddAsync();
        using var stopping = new CancellationTokenSource();
        var handler = new Handler(handle: _ =>
        {
            // The reply went out; the host is asked to stop before the queue records it.
            stopping.Cancel();
            return Task.CompletedTask;
        });

        (await queue.TakeAsync(handler, (_, _, _) => { }, (_, _) => { }, (_, _) => { }, stopping.Token)).Should().BeTrue();

        handler.Handled.Should().Be(1);
        (await queue.RowAsync(id)).Should().Be(new Row(Done: true, Failed: false, Error: null, Attempts: 1));
    }

    [Fact]
    public async Task A_give_up_the_person_cannot_be_told_of_stands_with_its_reason_and_is_not_told_again()
    {
        var queue = await QueueAsync(maxAttempts: 1);
        var id = await queue.AddAsync();
        var gaveUp = new List<string>();
        var notTold = new List<Exception>();
        var handler = new Handler(
            handle: _ => throw new TimeoutException("the model did not answer"),
            tell: _ => throw new HttpRequestException("the channel is down"));

        (await queue.TakeAsync(handler, (_, _, _) => { }, (_, reason) => gaveUp.Add(reason), (_, failure) => notTold.Add(failure), CancellationToken.None))
            .Should().BeTrue();

        handler.Told.Should().Be(1);
        gaveUp.Should().Equal(nameof(TimeoutException));
        notTold.Should().ContainSingle().Which.Should().BeOfType<HttpRequestException>();
        (await queue.RowAsync(id)).Should().Be(new Row(Done: true, Failed: true, Error: nameof(TimeoutException), Attempts: 1));

        // Nothing is due any more: the next look neither works on it nor tells the person again.
        (await queue.TakeAsync(handler, (_, _, _) => { }, (_, reason) => gaveUp.Add(reason), (_, failure) => notTold.Add(failure), CancellationToken.None))
            .Should().BeFalse();
        (handler.Handled, handler.Told, gaveUp.Count).Should().Be((1, 1, 1));
    }

    private async Task<TestQueue> QueueAsync(int maxAttempts)
    {
        // The queue uses only the store's connections: its own table is all it needs, not the store's schema.
        var store = new PostgresEventStore(database.DataSource, new EventStoreOptions());
        var table = "test_queue_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            $"""
            create table {table} (
                id bigserial primary key, dedupe_key text not null unique, kind text not null, attempts int not null default 0,
                next_at timestamptz not null default now(), done_at timestamptz, failed_at timestamptz, error text)
            """,
            CancellationToken.None);
        return new TestQueue(store, table, new TestOptions { MaxAttempts = maxAttempts, RetryDelay = TimeSpan.FromMinutes(10) });
    }

    private sealed record Row(bool Done, bool Failed, string? Error, int Attempts);

    private sealed record Work(long Id, string Kind, int Attempt) : IQueuedWork;

    private sealed class TestOptions : ChannelQueueOptions
    {
        public override bool Enabled => true;
    }

    private sealed class TestQueue(PostgresEventStore store, string table, ChannelQueueOptions options) : DurableQueue<Work>(store, () => options)
    {
        private readonly PostgresEventStore _store = store;

        public override string Channel => "Test";

        protected override string Table => table;

        protected override string Columns => "id, kind, attempts";

        protected override Work Read(NpgsqlDataReader row) => new(row.GetInt64(0), row.GetString(1), row.GetInt32(2));

        public async Task<long> AddAsync()
        {
            (await StoreAsync($"insert into {table} (dedupe_key, kind) values ($1, 'event') on conflict (dedupe_key) do nothing", CancellationToken.None, "one"))
                .Should().BeTrue();
            await using var connection = await _store.DataSource.OpenConnectionAsync();
            return await connection.ScalarAsync<long>($"select id from {table} where dedupe_key = 'one'", CancellationToken.None);
        }

        public async Task<Row> RowAsync(long id)
        {
            await using var connection = await _store.DataSource.OpenConnectionAsync();
            return (await connection.SingleOrDefaultAsync(
                $"select done_at is not null, failed_at is not null, error, attempts from {table} where id = $1",
                row => new Row(row.GetBoolean(0), row.GetBoolean(1), row.IsDBNull(2) ? null : row.GetString(2), row.GetInt32(3)),
                CancellationToken.None, id))!;
        }
    }

    private sealed class Handler(Func<Work, Task> handle, Func<Work, Task>? tell = null) : IQueueHandler<Work>
    {
        public int Handled { get; private set; }

        public int Told { get; private set; }

        public async Task HandleAsync(Work work, CancellationToken cancellationToken)
        {
            Handled++;
            await handle(work);
        }

        public async Task TellGaveUpAsync(Work work, CancellationToken cancellationToken)
        {
            Told++;
            if (tell is not null)
            {
                await tell(work);
            }
        }
    }
}
