using Microsoft.Extensions.DependencyInjection;
using Navo.Agent;
using Navo.Testing;

namespace Navo.Host.Tests.Support;

/// <summary>
/// The host with a scripted chat client in place of the local one, inside the agent's own pipeline (function
/// invocation, logging, failures): tests say which tool calls a message makes.
/// </summary>
public sealed class ScriptedChatHostFactory : NavoHostFactory
{
    public ScriptedChatClient Chat { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.AddSingleton(sp => AgentServices.Pipeline(Chat, sp));
}
