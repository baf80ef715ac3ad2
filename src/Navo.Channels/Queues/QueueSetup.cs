using Microsoft.Extensions.DependencyInjection;

namespace Navo.Channels.Queues;

public static class QueueSetup
{
    /// <summary>The channel's queue and handler, and the worker that runs its work.</summary>
    public static IServiceCollection AddQueueWorker<TWork, TQueue, THandler>(this IServiceCollection services)
        where TWork : class, IQueuedWork
        where TQueue : DurableQueue<TWork>
        where THandler : class, IQueueHandler<TWork>
    {
        services.AddSingleton<TQueue>();
        services.AddSingleton<DurableQueue<TWork>>(sp => sp.GetRequiredService<TQueue>());
        services.AddSingleton<THandler>();
        services.AddSingleton<IQueueHandler<TWork>>(sp => sp.GetRequiredService<THandler>());
        services.AddHostedService<QueueWorker<TWork>>();
        return services;
    }
}
