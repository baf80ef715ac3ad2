using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Navo.Channels.Links;
using Navo.Channels.Queues;
using Navo.EventStore;
using Navo.EventStore.Schema;

namespace Navo.Channels.Slack;

public static class SlackSetup
{
    /// <summary>Slack's options (checked at start when Slack is on), its store, queue, worker and Web API client.</summary>
    public static IServiceCollection AddSlackChannel(this IServiceCollection services)
    {
        services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<SlackOptions>, SlackOptionsValidation>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddDataProtection();
        services.TryAddSingleton<PreviewLinks>();
        services.AddChannelLinks();
        services.AddSingleton<IChannelLinker, SlackLinker>();
        services.AddSingleton<SlackStore>();
        services.AddQueueWorker<SlackWork, SlackQueue, SlackTurns>();
        SlackApi.AddResilience(services.AddHttpClient<SlackApi>((sp, client) =>
        {
            client.BaseAddress = sp.GetRequiredService<IOptions<SlackOptions>>().Value.ApiBase();
            client.Timeout = Timeout.InfiniteTimeSpan;
        }));
        return services;
    }

    /// <summary>The channels' tables (Slack's, Teams' and the shared link tokens), applied after the host's, whose workspaces and accounts they name.</summary>
    public static EventStoreOptions AddNavoChannels(this EventStoreOptions options)
    {
        foreach (var migration in SchemaMigration.FromEmbeddedSql(typeof(SlackSetup).Assembly, "channels"))
        {
            options.Migrations.Add(migration);
        }

        return options;
    }
}
