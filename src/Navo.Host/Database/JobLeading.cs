using Navo.EventStore;

namespace Navo.Host.Database;

/// <summary>
/// Runs this host's bid for the leadership of the one-host background jobs (<see cref="JobLeadership"/>) from when the
/// database is up until the host stops (before the database closes: it was registered after it); the jobs wait on it.
/// </summary>
public sealed class JobLeading(IServiceProvider services) : BackgroundService
{
    // Hosted services are all made before the first starts, and the leadership needs the store, which exists only once
    // the database has started: it is taken when this service starts, after the database's.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => services.GetRequiredService<JobLeadership>().RunAsync(stoppingToken);
}
