using Navo.Host.Database;
using Npgsql;

namespace Navo.Host.Apis;

/// <summary>
/// Hears, on a connection of its own, every change to what live addresses serve (<c>LISTEN navo_sites</c>; the
/// triggers of the tools' schema send them) and makes this host's caches forget what changed. When the connection is
/// lost the caches stop keeping anything, since changes may go unheard, and it connects again by itself as soon as the
/// database answers.
/// </summary>
internal sealed partial class SiteChangeListener(
    NavoDatabase database, LiveSiteCache sites, DomainMap domains, ILogger<SiteChangeListener> logger) : BackgroundService
{
    /// <summary>The channel the triggers notify on.</summary>
    public const string Channel = "navo_sites";

    private static readonly TimeSpan Retry = TimeSpan.FromMilliseconds(250);

    // A connection can die without a word (a network cut): a quiet one is asked a question this often.
    private static readonly TimeSpan Probe = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lost = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.DataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, notification) => Changed(notification.Payload);
                await using (var listen = new NpgsqlCommand($"listen {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                sites.Listen(true);
                domains.Forget();
                if (lost)
                {
                    LogListeningAgain();
                    lost = false;
                }

                while (true)
                {
                    if (!await connection.WaitAsync(Probe, stoppingToken))
                    {
                        // Listening again changes nothing, and keeps the connection's last statement telling what it is for.
                        await using var probe = new NpgsqlCommand($"listen {Channel}", connection);
                        await probe.ExecuteNonQueryAsync(stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception failure) when (failure is NpgsqlException or InvalidOperationException or IOException or TimeoutException)
            {
                sites.Listen(false);
                domains.Forget();
                if (!lost)
                {
                    LogLost(failure.GetType().Name);
                    lost = true;
                }
            }

            try
            {
                await Task.Delay(Retry, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        sites.Listen(false);
    }

    private void Changed(string payload)
    {
        if (payload.StartsWith("site:", StringComparison.Ordinal))
        {
            sites.Forget(payload["site:".Length..]);
        }

        // A domain's answer names a slug: any change to a site or a domain may change it.
        domains.Forget();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live pages are read from the database on every view until it answers again ({Failure})")]
    private partial void LogLost(string failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "Live pages are kept in memory again: changes are heard")]
    private partial void LogListeningAgain();
}
