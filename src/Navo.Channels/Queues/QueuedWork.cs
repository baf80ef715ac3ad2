using System.ComponentModel.DataAnnotations;

namespace Navo.Channels.Queues;

/// <summary>
/// One stored piece of a channel's work. <see cref="Attempt"/> is 1 the first time it is tried; more means an earlier
/// attempt failed or its host stopped, perhaps after replying.
/// </summary>
public interface IQueuedWork
{
    long Id { get; }

    string Kind { get; }

    int Attempt { get; }
}

/// <summary>What a channel does with its queue's work: each item, and telling the person when an item is given up.</summary>
public interface IQueueHandler<in TWork>
    where TWork : IQueuedWork
{
    Task HandleAsync(TWork work, CancellationToken cancellationToken);

    /// <summary>Tells the person whose request was given up, once; a failure to tell them is the handler's to log and leave.</summary>
    Task TellGaveUpAsync(TWork work, CancellationToken cancellationToken);
}

/// <summary>A channel's settings for its queue (<c>Navo:Slack</c>, <c>Navo:Teams</c>): how many loops, how many attempts, how long between them.</summary>
public abstract class ChannelQueueOptions
{
    /// <summary>Whether the channel is on; its worker runs only then.</summary>
    public abstract bool Enabled { get; }

    /// <summary>How many turns one host works on at once.</summary>
    [Range(1, 64)]
    public int Workers { get; set; } = 4;

    /// <summary>How many times a queued item is tried before it is given up and the person told.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait before an item's second attempt; doubled for each one after.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>What every channel says of its queued work.</summary>
public static class QueueWords
{
    /// <summary>What a person is told when their request is given up.</summary>
    public const string GaveUp = "Sorry, I couldn't finish that: something kept going wrong on my side. Nothing more will happen with it; please ask again in a little while.";
}
