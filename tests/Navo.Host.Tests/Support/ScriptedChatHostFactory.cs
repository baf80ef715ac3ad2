using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Navo.Testing;

namespace Navo.Host.Tests.Support;

/// <summary>The host with a scripted chat client in place of the local one: tests say which tool calls a message makes.</summary>
public sealed class ScriptedChatHostFactory : NavoHostFactory
{
    public ScriptedChatClient Chat { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<IChatClient>(Chat);
}
