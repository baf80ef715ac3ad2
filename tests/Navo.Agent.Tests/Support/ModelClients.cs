using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Navo.Agent.Tests.Support;

/// <summary>The chat client the host builds for <c>Navo:Ai:Provider=openai</c>, pointed at a local server speaking Chat Completions.</summary>
public static class ModelClients
{
    public static IChatClient OpenAI(Uri endpoint, int retries = 2, double timeoutSeconds = 30) =>
        Services(new Dictionary<string, string?>
        {
            ["Navo:Ai:Provider"] = "openai",
            ["Navo:Ai:Endpoint"] = new Uri(endpoint, "v1").ToString(),
            ["Navo:Ai:Model"] = "test-model",
            ["Navo:Ai:ApiKey"] = "secret",
            ["Navo:Ai:MaxRetries"] = retries.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Navo:Ai:Timeout"] = TimeSpan.FromSeconds(timeoutSeconds).ToString(),
        }).GetRequiredService<IChatClient>();

    /// <summary>The agent's pipeline (function invocation, logging, failures) over <paramref name="inner"/>.</summary>
    public static IChatClient Pipeline(IChatClient inner) => AgentServices.Pipeline(inner, Services([]));

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddNavoChatClient(configuration).BuildServiceProvider();
    }
}
