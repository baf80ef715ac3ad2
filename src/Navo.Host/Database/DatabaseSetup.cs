using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Navo.Agent.OpenAI;
using Navo.Agent;
using Navo.Agent.Conversations;
using Navo.Agent.Generation;
using Navo.Agent.Local;
using Navo.Agent.Tools;
using Navo.EventStore;
using Navo.Host.Identity;
using Navo.Tools.Assets;
using Navo.Tools.Edit;
using Navo.Tools.Generate;
using Navo.Tools.Projects;
using Navo.Tools.Publish;

namespace Navo.Host.Database;

public static class DatabaseSetup
{
    /// <summary>Options, the database and its lifetime, the store, and the database health check.</summary>
    public static WebApplicationBuilder AddNavoDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<NavoOptions>()
            .BindConfiguration(NavoOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<NavoDatabase>();
        builder.Services.AddSingleton<DemoWorkspace>();
        builder.Services.AddSingleton<PostgresEventStore>(sp => sp.GetRequiredService<NavoDatabase>().Store);
        foreach (var step in LocalSteps.All)
        {
            // With a model, the steps that write sections ask it first and keep the local engine as fallback.
            builder.Services.AddSingleton<IGenerationStep>(sp =>
                sp.GetRequiredService<IOptions<AiOptions>>().Value.Provider == "openai" && LocalSteps.SectionSteps.TryGetValue(step.Name, out var types)
                    ? new ModelSectionStep(step.Name, types, sp.GetRequiredService<IChatClient>())
                    : step);
        }

        builder.Services.AddSingleton(sp => new GenerationPipeline(sp.GetServices<IGenerationStep>(), Environment.ProcessorCount));
        builder.Services.AddSingleton<ISectionWriter, LocalCopywriter>();
        // One set of stream locks, so that chat turns and API edits of one project take turns with each other.
        builder.Services.AddSingleton<StreamLocks>();
        builder.Services.AddSingleton<ProjectService>();
        builder.Services.AddSingleton<Leads>();
        builder.Services.AddSingleton<AssetLibrary>();
        builder.Services.AddSingleton<ISiteStorage>(sp =>
            new FileSiteStorage(Path.Combine(Path.GetFullPath(sp.GetRequiredService<IOptions<NavoOptions>>().Value.DataPath), "sites")));
        // Crash tests only: die like a killed process after the files are stored and before the pointer flips.
        builder.Services.AddSingleton(sp => new PublishService(
            sp.GetRequiredService<PostgresEventStore>(), sp.GetRequiredService<ISiteStorage>(),
            builder.Configuration.GetValue<bool>("Navo:Faults:CrashAfterPublishFiles")
                ? new PublishFaults { AfterFilesStored = () => Environment.FailFast("Fault injected: crash after the publish files were stored.") }
                : null));
        builder.Services.AddSingleton(_ => LocalPlanner.FromPrompts());
        builder.Services.AddSingleton<IConfirmationReader>(_ => new ConfirmationReader(Lexicon.Load(Path.Combine(AppContext.BaseDirectory, "prompts"))));
        builder.Services.AddOptions<AiOptions>().BindConfiguration(AiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Navo:Ai:Provider chooses the chat client; the local one needs no network and no key.
        builder.Services.AddSingleton<IChatClient>(sp => new LoggingChatClient(
            sp.GetRequiredService<IOptions<AiOptions>>().Value is { Provider: "openai" } ai
                ? new OpenAIChatClient(ai)
                : new LocalChatClient(sp.GetRequiredService<LocalPlanner>()),
            sp.GetRequiredService<ILogger<LoggingChatClient>>()));
        builder.Services.AddSingleton<NavoTools>();
        builder.Services.AddSingleton<ConversationService>();
        // The chat client (with the local one, its language model) loads at start-up, not on the first message.
        builder.Services.AddHostedService<ChatClientWarmUp>();
        // Registered before the web server, so the database is up before the first request.
        builder.Services.AddHostedService<DatabaseLifetime>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }
}
