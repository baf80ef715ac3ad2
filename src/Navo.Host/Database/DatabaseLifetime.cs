using Microsoft.Extensions.Options;
using Navo.Host.Identity;

namespace Navo.Host.Database;

/// <summary>
/// Starts the database, schema and (in Development) the demo workspace before the server listens, runs the projection daemon,
/// and stops them all (the embedded cluster last) on shutdown.
/// </summary>
public sealed class DatabaseLifetime(
    NavoDatabase database, DemoWorkspace demo, IEnumerable<Marten.IDocumentSessionListener> listeners, IOptions<NavoOptions> options, IHostEnvironment environment)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await database.StartAsync(cancellationToken, listeners: listeners);
        // A known password is for trying Navo out on one's own machine, never for a server others can reach.
        if (options.Value.SeedDemo && environment.IsDevelopment())
        {
            await demo.EnsureAsync(database.DataSource, cancellationToken);
        }

        await database.Store.StartDaemonAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await database.DisposeAsync();
}
