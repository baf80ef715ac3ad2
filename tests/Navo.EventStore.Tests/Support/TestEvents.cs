namespace Navo.EventStore.Tests.Support;

/// <summary>The events of a counter stream.</summary>
public interface ICounterEvent;

public sealed record CounterStarted(string Name) : ICounterEvent;

public sealed record CounterIncremented(int By) : ICounterEvent;

/// <summary>An event of another kind of stream.</summary>
public sealed record NoteTaken(string Text);

/// <summary>An event whose inline projection throws, so its append rolls back.</summary>
public sealed record DoomedToRollBack(int Writer);

public sealed record Counter(string Name, int Value) : IAggregate<Counter>
{
    public static Counter Initial { get; } = new(string.Empty, 0);

    public Counter Apply(EventEnvelope @event) => @event.Data switch
    {
        CounterStarted started => this with { Name = started.Name },
        CounterIncremented incremented => this with { Value = Value + incremented.By },
        _ => this,
    };
}

public static class TestEventTypes
{
    public static void Register(EventStoreOptions options) => options.Events
        .Add<CounterStarted>()
        .Add<CounterIncremented>()
        .Add<NoteTaken>()
        .Add<DoomedToRollBack>();

    public static TenantContext Tenant(string id) => new(id, Guid.NewGuid(), ["owner"]);
}
