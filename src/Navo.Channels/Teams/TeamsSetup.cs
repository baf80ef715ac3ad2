using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Navo.Channels.Links;
using Navo.Channels.Queues;

namespace Navo.Channels.Teams;

public static class TeamsSetup
{
    /// <summary>Teams' options (checked at start when Teams is on), token validation, store, queue, worker and Connector client.</summary>
    public static IServiceCollection AddTeamsChannel(this IServiceCollection services)
    {
        services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidation>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddDataProtection();
        services.TryAddSingleton<PreviewLinks>();
        services.AddChannelLinks();
        services.AddSingleton<IChannelLinker, TeamsLinker>();
        services.AddSingleton<TeamsAuthentication>();
        services.AddSingleton<TeamsStore>();
        services.AddQueueWorker<TeamsWork, TeamsQueue, TeamsTurns>();
        services.AddSingleton<TeamsTokens>();
        services.AddSingleton<TeamsConnector>();
        services.AddHttpClient(TeamsTokens.ClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        // The service URL varies by region and conversation: no base address; the resilience handler bounds each call.
        TeamsConnector.AddResilience(services.AddHttpClient(TeamsConnector.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan));
        services.AddSingleton<TeamsDailySuggestions>();
        services.AddHostedService(sp => sp.GetRequiredService<TeamsDailySuggestions>());
        return services;
    }
}
