using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Navo.Agent.Conversations;
using Navo.EventStore;

namespace Navo.Channels.Teams;

/// <summary>
/// Proactive messages: the learning loop's daily round posts a site's new suggestions into the conversation about it
/// (<see cref="SuggestionPosts"/>); when that conversation is a Teams conversation, this sends the post there, through
/// the reference kept from its last validated activity, unless its people turned the daily suggestions off. On the host
/// that leads the background jobs (<see cref="JobLeadership"/>), at once when it becomes the leader, and one round at a
/// time (an advisory lock); each post is sent once per conversation (<c>last_daily</c>).
/// </summary>
public sealed partial class TeamsDailySuggestions(IServiceProvider services, IOptions<TeamsOptions> options, TimeProvider time, ILogger<TeamsDailySuggestions> logger)
    : BackgroundService
{
    public const string Job = "teams_daily_suggestions";

    /// <summary>The message ids <see cref="SuggestionPosts"/> gives its posts: <c>navo:suggestions:{day}</c>.</summary>
    public const string PostPrefix = "navo:suggestions:";

    /// <summary>A post older than this is news no more (Navo added to the conversation later, say): not sent.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromHours(36);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled || options.Value.DailySuggestionsEvery <= TimeSpan.Zero)
        {
            return;
        }

        var turns = services.GetRequiredService<JobLeadership>().Turns(options.Value.DailySuggestionsEvery, time);
        while (await turns.NextAsync(stoppingToken))
        {
            try
            {
                await RunAsync(stoppingToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                LogRoundFailed(logger, failure);
            }
        }
    }

    /// <summary>Sends what is new; the number of conversations reached, or null when another host holds the round.</summary>
    public async Task<int?> RunAsync(CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<PostgresEventStore>();
        var conversations = services.GetRequiredService<ConversationService>();
        var connector = services.GetRequiredService<TeamsConnector>();
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await connection.ScalarAsync<bool>("select pg_try_advisory_xact_lock(hashtext('navo.' || $1))", cancellationToken, Job))
        {
            return null;
        }

        var since = time.GetUtcNow() - Freshness;
        var sent = 0;
        foreach (var target in await TeamsStore.DailyTargetsAsync(connection, cancellationToken))
        {
            // Read as Navo itself, with no more than a viewer's reach: only the conversation's own record.
            var turns = await conversations.TurnsAsync(new TenantContext(target.TenantId, SuggestionPosts.Navo.UserId, ["viewer"]), target.ConversationId, cancellationToken);
            if (turns?.LastOrDefault(t => t.MessageId.StartsWith(PostPrefix, StringComparison.Ordinal)) is not { } post
                || post.At < since || post.MessageId == target.LastDaily)
            {
                continue;
            }

            try
            {
                await connector.SendAsync(target.ServiceUrl, target.Id, TeamsCards.Daily(post.Reply), null, cancellationToken);
                await TeamsStore.DailySentAsync(connection, target, post.MessageId, cancellationToken);
                sent++;
            }
            catch (HttpRequestException failure)
            {
                // The conversation is gone or the Connector refused: tried again at the next round.
                LogNotSent(logger, target.ConversationId, failure.StatusCode is { } status ? (int)status : 0);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        LogRound(logger, sent);
        return sent;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Teams daily suggestions sent to {Conversations} conversations")]
    private static partial void LogRound(ILogger logger, int conversations);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams daily suggestions for conversation {Conversation} were not sent (status {Status})")]
    private static partial void LogNotSent(ILogger logger, Guid conversation, int status);

    [LoggerMessage(Level = LogLevel.Error, Message = "The Teams daily suggestions round failed; it runs again at the next look")]
    private static partial void LogRoundFailed(ILogger logger, Exception failure);
}
