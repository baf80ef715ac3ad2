using Microsoft.Extensions.DependencyInjection;
using Navo.Agent.Conversations;
using Navo.Agent.Functions;
using Navo.Agent.Local;
using Navo.Agent.Tools;
using Navo.EventStore;
using Navo.Testing;
using Navo.Tools;
using Navo.Tools.Generate;
using Navo.Tools.Projects;
using Navo.Tools.Publish;

namespace Navo.Agent.Tests.Support;

/// <summary>
/// The conversation service over the real store (a database of its own), the real tools, and a scripted chat client;
/// yes and no are read by the confirmation reader, as in the product.
/// </summary>
public class AgentHarness : TestDatabase
{
    private readonly string _sites = Directory.CreateTempSubdirectory("navo-agent-sites-").FullName;

    public ScriptedChatClient Chat { get; } = new();

    /// <summary>Set before <see cref="InitializeAsync"/> to talk to a model endpoint instead of <see cref="Chat"/>.</summary>
    public Microsoft.Extensions.AI.IChatClient? Model { get; init; }

    public PostgresEventStore Store { get; private set; } = null!;

    public ProjectService Projects { get; private set; } = null!;

    public ConversationService Conversations { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Store = await CreateStoreAsync(options => options.AddNavoTools().AddNavoAgent());
        Projects = new ProjectService(Store, new GenerationPipeline(LocalSteps.All), new LocalCopywriter());
        var tools = new NavoTools(Projects, new PublishService(Store, new FileSiteStorage(_sites)));
        var agent = new NavoAgent(Model ?? ModelClients.Pipeline(Chat), tools, EmptyServices);
        Conversations = new ConversationService(Store, agent, new ConfirmationReader(Lexicon.Load(Path.Combine(AppContext.BaseDirectory, "prompts"))));
    }

    private static readonly IServiceProvider EmptyServices = new ServiceCollection().BuildServiceProvider();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_sites, recursive: true);
    }

    /// <summary>A new workspace and a member of it with <paramref name="role"/>.</summary>
    public static TenantContext Workspace(string role = "owner") => new("w" + Guid.NewGuid().ToString("N")[..12], Guid.NewGuid(), [role]);

    /// <summary>Another member of <paramref name="tenant"/>'s workspace.</summary>
    public static TenantContext Member(TenantContext tenant, string role) => new(tenant.TenantId, Guid.NewGuid(), [role]);

    public async Task<TurnOutcome> SayAsync(TenantContext tenant, Guid conversation, string text) =>
        (await Conversations.SendAsync(tenant, conversation, new IncomingMessage(text, null, null, null, "web")))!;

    public async Task<ConversationState> ConversationAsync(TenantContext tenant, Guid conversation)
    {
        await using var session = Store.OpenSession(tenant);
        return (await session.AggregateStreamAsync<ConversationState>(conversation))!.State;
    }

    public async Task<IReadOnlyList<EventEnvelope>> EventsAsync(TenantContext tenant, Guid stream)
    {
        await using var session = Store.OpenSession(tenant);
        return await session.FetchStreamAsync(stream);
    }

    public async Task<string?> LiveStatusAsync(Guid project)
    {
        await using var command = DataSource.CreateCommand($"select status from navo_live_sites where project_id = '{project}'");
        return (string?)await command.ExecuteScalarAsync();
    }
}
