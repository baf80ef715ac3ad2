using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Navo.Agent.Conversations;
using Navo.Agent.Functions;
using Navo.Agent.Generation;
using Navo.Agent.Local;
using Navo.Agent.OpenAI;
using Navo.Agent.Tools;
using Navo.Tools.Generate;
using Polly;

namespace Navo.Agent;

/// <summary>The agent's services: the chat client chosen by <c>Navo:Ai</c>, the tools, the agent and the conversations.</summary>
public static class AgentServices
{
    /// <summary>The named <see cref="HttpClient"/> that reaches an OpenAI-compatible endpoint, with retries and timeouts.</summary>
    public const string ModelHttpClient = "navo-model";

    /// <summary>
    /// Registers the agent. Call after <c>AddNavoTools</c>: with a model, the generation steps that write sections ask
    /// it first and keep the local engine as fallback.
    /// </summary>
    public static IServiceCollection AddNavoAgent(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddNavoChatClient(configuration);
        services.AddSingleton<IConfirmationReader>(_ => new ConfirmationReader(Lexicon.Load(Path.Combine(AppContext.BaseDirectory, "prompts"))));
        services.AddSingleton<NavoTools>();
        services.AddSingleton<NavoAgent>();
        services.AddSingleton<ConversationService>();
        UseModelForSections(services);
        return services;
    }

    /// <summary>The chat client that <c>Navo:Ai</c> chooses, as <see cref="Pipeline"/> builds it, and what it needs.</summary>
    public static IServiceCollection AddNavoChatClient(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AiOptions>().Bind(configuration.GetSection(AiOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(_ => LocalPlanner.FromPrompts());
        services.AddHttpClient(ModelHttpClient).AddResilienceHandler("model", (pipeline, context) =>
        {
            // 408, 429, 5xx and connection failures are retried with exponential back-off; each attempt has its own timeout.
            var ai = context.ServiceProvider.GetRequiredService<IOptions<AiOptions>>().Value;
            if (ai.MaxRetries > 0)
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions { MaxRetryAttempts = ai.MaxRetries, Delay = TimeSpan.FromMilliseconds(200), UseJitter = true });
            }

            pipeline.AddTimeout(ai.Timeout);
        });
        services.AddSingleton(sp =>
        {
            var ai = sp.GetRequiredService<IOptions<AiOptions>>().Value;
            return Pipeline(ai.Provider == AiProvider.OpenAI ? OpenAICompatible.Create(ai, sp.GetRequiredService<IHttpClientFactory>().CreateClient(ModelHttpClient)) : new LocalChatClient(sp.GetRequiredService<LocalPlanner>()), sp);
        });
        return services;
    }

    /// <summary>
    /// The chat pipeline over <paramref name="inner"/>, outermost first: Semantic Kernel's function invocation (the
    /// loop, with the kernel's filters, at most <see cref="NavoAgent.MaxRounds"/> requests), OpenTelemetry, logging
    /// (contents only at Trace), and the decorator that turns an unreachable model into <see cref="ModelUnreachableException"/>.
    /// </summary>
    public static IChatClient Pipeline(IChatClient inner, IServiceProvider services)
    {
        var client = new ChatClientBuilder(inner)
            .UseKernelFunctionInvocation()
            .UseOpenTelemetry()
            .UseLogging()
            .Use(next => new ModelFailureChatClient(next))
            .Build(services);
        // Each iteration is a request whose calls are run; after the last, one more request without tools makes the
        // model answer: MaxRounds requests in all.
        client.GetService<FunctionInvokingChatClient>()!.MaximumIterationsPerRequest = NavoAgent.MaxRounds - 1;
        return client;
    }

    private static void UseModelForSections(IServiceCollection services)
    {
        var local = services.Where(d => d.ServiceType == typeof(IGenerationStep) && d.ImplementationInstance is IGenerationStep step && LocalSteps.SectionSteps.ContainsKey(step.Name)).ToList();
        foreach (var descriptor in local)
        {
            var step = (IGenerationStep)descriptor.ImplementationInstance!;
            services.Remove(descriptor);
            services.AddSingleton<IGenerationStep>(sp => sp.GetRequiredService<IOptions<AiOptions>>().Value.Provider == AiProvider.OpenAI
                ? new ModelSectionStep(step.Name, LocalSteps.SectionSteps[step.Name], sp.GetRequiredService<IChatClient>())
                : step);
        }
    }
}
