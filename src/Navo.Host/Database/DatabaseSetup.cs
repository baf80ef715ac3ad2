using Microsoft.Extensions.Options;
using Navo.Agent;
using Navo.EventStore;
using Navo.Host.Identity;
using Navo.Tools;
using Navo.Tools.Publish;

namespace Navo.Host.Database;

public static class DatabaseSetup
{
    /// <summary>Options, the database and its lifetime, the store, and the database health check; then the tools' and the agent's own services.</summary>
    public static WebApplicationBuilder AddNavoDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<NavoOptions>()
            .BindConfiguration(NavoOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<NavoDatabase>();
        builder.Services.AddSingleton<DemoWorkspace>();
        builder.Services.AddSingleton<PostgresEventStore>(sp => sp.GetRequiredService<NavoDatabase>().Store);
        builder.Services.AddNavoTools(
            sp => new FileSiteStorage(Path.Combine(Path.GetFullPath(sp.GetRequiredService<IOptions<NavoOptions>>().Value.DataPath), "sites")),
            // Crash tests only: die like a killed process after the files are stored and before the pointer flips.
            builder.Configuration.GetValue<bool>("Navo:Faults:CrashAfterPublishFiles")
                ? new PublishFaults { AfterFilesStored = () => Environment.FailFast("Fault injected: crash after the publish files were stored.") }
                : null);
        builder.Services.AddNavoAgent(builder.Configuration);
        // The chat client (with the local one, its language model) loads at start-up, not on the first message.
        builder.Services.AddHostedService<ChatClientWarmUp>();
        // Registered before the web server, so the database is up before the first request.
        builder.Services.AddHostedService<DatabaseLifetime>();
        // After the database: one host at a time runs the roll-ups and the daily rounds (docs/operations.md).
        builder.Services.AddSingleton(sp => new JobLeadership(
            sp.GetRequiredService<PostgresEventStore>().DataSource,
            TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<NavoOptions>>().Value.LeaderCheckSeconds),
            sp.GetRequiredService<ILogger<JobLeadership>>()));
        builder.Services.AddHostedService<JobLeading>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }
}
