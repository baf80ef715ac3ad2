using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Navo.EventStore;
using Navo.Tools.Analyze;
using Navo.Tools.Assets;
using Navo.Tools.Edit;
using Navo.Tools.Experiments;
using Navo.Tools.Generate;
using Navo.Tools.Projects;
using Navo.Tools.Publish;

namespace Navo.Tools;

/// <summary>The tools' services: drafting, projects, leads, photos, publishing and the visits to published sites.</summary>
public static class ToolsServices
{
    /// <summary>Registers the tools; published sites are stored by <paramref name="storage"/>.</summary>
    public static IServiceCollection AddNavoTools(this IServiceCollection services, Func<IServiceProvider, ISiteStorage> storage, PublishFaults? faults = null)
    {
        foreach (var step in LocalSteps.All)
        {
            services.AddSingleton(step);
        }

        services.AddSingleton(sp => new GenerationPipeline(sp.GetServices<IGenerationStep>(), Environment.ProcessorCount));
        services.AddSingleton<ISectionWriter, LocalCopywriter>();
        // One set of stream locks, so that chat turns and API edits of one project take turns with each other.
        services.AddSingleton<StreamLocks>();
        services.AddSingleton<ProjectService>();
        services.AddSingleton<ExperimentService>();
        services.AddSingleton<Leads>();
        services.AddSingleton<AssetLibrary>();
        services.AddSingleton(storage);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<AnalyticsOptions>();
        services.AddSingleton<DailySalts>();
        services.AddSingleton<VisitBuffer>();
        services.AddSingleton<AnalyticsRollups>();
        services.AddSingleton(sp => new PublishService(
            sp.GetRequiredService<PostgresEventStore>(), sp.GetRequiredService<ISiteStorage>(), faults, sp.GetService<ILogger<PublishService>>()));
        return services;
    }
}
