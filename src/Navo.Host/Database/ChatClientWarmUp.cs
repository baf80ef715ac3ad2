using Microsoft.Extensions.AI;
using Navo.Tools.Generate;

namespace Navo.Host.Database;

/// <summary>
/// Resolves the chat client while the host starts, so the local client's models load before the first message, and
/// embeds the taxonomy of business kinds in the background (a few seconds on two cores), so the first draft does not
/// wait for it unless it comes at once.
/// </summary>
public sealed class ChatClientWarmUp(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<IChatClient>();
        _ = Task.Run(() => Kinds.Shared, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
