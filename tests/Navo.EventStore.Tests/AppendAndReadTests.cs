using Navo.EventStore.Tests.Support;
using Navo.Testing;
using Npgsql;

namespace Navo.EventStore.Tests;

public sealed class AppendAndReadTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly TenantContext Acme = TestEventTypes.Tenant("acme");

    private Task<PostgresEventStore> StoreAsync() => database.CreateStoreAsync(TestEventTypes.Register);

    [Fact]
    public async Task Appended_events_read_back_in_order_with_versions_and_snake_case_types()
    {
        var store = await StoreAsync();
        var id = Guid.NewGuid();
        await using (var session = store.OpenSession(Acme))
        {
            session.StartStream<Counter>(id, new CounterStarted("visits"), new CounterIncremented(2));
            session.Append(id, 2, new CounterIncremented(3));
            await session.SaveChangesAsync();
        }

        await using var reader = store.OpenSession(Acme);
        var events = await reader.FetchStreamAsync(id);
        events.Select(e => e.Version).Should().Equal(1, 2, 3);
        events.Select(e => e.Type).Should().Equal("counter_started", "counter_incremented", "counter_incremented");
        events.Select(e => e.Sequence).Should().BeInAscendingOrder();
        events[0].Data.Should().Be(new CounterStarted("visits"));
        events.Should().OnlyContain(e => e.TenantId == "acme" && e.StreamId == id);

        var counter = await reader.AggregateStreamAsync<Counter>(id);
        counter.Should().Be(new Aggregated<Counter>(new Counter("visits", 5), 3));
        (await reader.AggregateStreamAsync<Counter>(id, version: 2))!.State.Value.Should().Be(2);
        (await reader.FetchStreamVersionAsync(id)).Should().Be(3);
    }

    [Fact]
    public async Task Events_of_several_streams_commit_together_or_not_at_all()
    {
        var store = await StoreAsync();
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        await using (var session = store.OpenSession(Acme))
        {
            session.StartStream<Counter>(first, new CounterStarted("a"));
            session.StartStream<Counter>(second, new CounterStarted("b"));
            (await session.SaveChangesAsync()).Should().HaveCount(2);
        }

        await using (var session = store.OpenSession(Acme))
        {
            session.Append(first, 1, new CounterIncremented(1));
            session.Append(second, 7, new CounterIncremented(1)); // stale: the whole commit must fail
            var save = () => session.SaveChangesAsync();
            await save.Should().ThrowAsync<ConcurrencyException>();
        }

        await using var reader = store.OpenSession(Acme);
        (await reader.FetchStreamVersionAsync(first)).Should().Be(1);
        (await reader.FetchStreamVersionAsync(second)).Should().Be(1);
    }

    [Fact]
    public async Task Reading_an_event_type_this_version_does_not_know_fails_loudly()
    {
        var store = await StoreAsync();
        var id = Guid.NewGuid();
        await using (var session = store.OpenSession(Acme))
        {
            session.StartStream<Counter>(id, new CounterStarted("x"));
            await session.SaveChangesAsync();
        }

        await using (var command = database.DataSource.CreateCommand(
            "update mt_events set type = 'counter_exploded', mt_dotnet_type = 'Navo.Future.CounterExploded, Navo.Future' where stream_id = $1"))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = id });
            await command.ExecuteNonQueryAsync();
        }

        await using var reader = store.OpenSession(Acme);
        var read = () => reader.FetchStreamAsync(id);
        (await read.Should().ThrowAsync<UnknownEventTypeException>()).Which.Alias.Should().Contain("CounterExploded");
    }

    [Fact]
    public async Task Appending_an_unregistered_event_type_is_refused()
    {
        var store = await StoreAsync();
        await using var session = store.OpenSession(Acme);
        var append = () => session.Append(Guid.NewGuid(), null, new { Surprise = true });
        append.Should().Throw<EventStoreException>().WithMessage("*not a registered event type*");
    }

    [Fact]
    public async Task An_event_over_one_megabyte_is_refused_and_nothing_is_written()
    {
        var store = await StoreAsync();
        var id = Guid.NewGuid();
        await using var session = store.OpenSession(Acme);
        session.StartStream<Counter>(id, new CounterStarted("ok"));
        var append = () => session.Append(id, 1, new CounterStarted(new string('x', 1024 * 1024)));
        append.Should().Throw<EventTooLargeException>().WithMessage("*limit is 1048576 bytes*");
        await session.DisposeAsync();

        await using var reader = store.OpenSession(Acme);
        (await reader.FetchStreamVersionAsync(id)).Should().BeNull("the session was never saved");
    }

    [Fact]
    public async Task An_empty_stream_id_or_no_events_is_refused()
    {
        var store = await StoreAsync();
        await using var session = store.OpenSession(Acme);
        FluentActions.Invoking(() => session.Append(Guid.Empty, null, new CounterIncremented(1)))
            .Should().Throw<ArgumentException>().WithMessage("A stream id cannot be empty.*");
        FluentActions.Invoking(() => session.Append(Guid.NewGuid(), null))
            .Should().Throw<ArgumentException>().WithMessage("Append at least one event.*");
    }

    [Fact]
    public async Task A_cancelled_append_writes_nothing()
    {
        var store = await StoreAsync();
        var id = Guid.NewGuid();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await using (var session = store.OpenSession(Acme))
        {
            session.StartStream<Counter>(id, new CounterStarted("never"));
            var save = () => session.SaveChangesAsync(cancelled.Token);
            await save.Should().ThrowAsync<OperationCanceledException>();
        }

        await using var reader = store.OpenSession(Acme);
        (await reader.FetchStreamVersionAsync(id)).Should().BeNull();
    }

    [Fact]
    public void Aliases_are_snake_case_of_the_record_name()
    {
        EventTypes.ToSnakeCase("SiteGenerated").Should().Be("site_generated");
        EventTypes.ToSnakeCase("SuggestionApplied").Should().Be("suggestion_applied");
        EventTypes.ToSnakeCase("HTMLRendered").Should().Be("html_rendered");
        EventTypes.ToSnakeCase("Page2Added").Should().Be("page2_added");
    }
}
