using Microsoft.Extensions.AI;

namespace Navo.Host.Database;

/// <summary>Resolves the chat client while the host starts, so the local client's models load before the first message.</summary>
public sealed class ChatClientWarmUp(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<IChatClient>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
