namespace Navo.Tools;

/// <summary>The outcome of a pure decision: the event to record, or the reasons (by field) it was refused.</summary>
public sealed record Decision<TEvent>(TEvent? Event, IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>True when the request was accepted.</summary>
    public bool IsAccepted => Errors.Count == 0;

    public static Decision<TEvent> Accepted(TEvent @event) => new(@event, new Dictionary<string, string[]>());

    public static Decision<TEvent> Rejected(IReadOnlyDictionary<string, string[]> errors) => new(default, errors);
}
