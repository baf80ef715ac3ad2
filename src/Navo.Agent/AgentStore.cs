using Navo.Agent.Conversations;
using Navo.EventStore;
using Navo.EventStore.Schema;

namespace Navo.Agent;

/// <summary>Registers the conversation events, the conversation list and its table with a store.</summary>
public static class AgentStore
{
    public static EventStoreOptions AddNavoAgent(this EventStoreOptions options)
    {
        options.Events
            .Add<ConversationStarted>()
            .Add<UserMessageReceived>()
            .Add<ToolCallRequested>()
            .Add<ToolCallCompleted>()
            .Add<ApprovalRequested>()
            .Add<ApprovalGiven>()
            .Add<ApprovalDeclined>()
            .Add<ProjectLeft>()
            .Add<AssistantReplied>();
        foreach (var migration in SchemaMigration.FromEmbeddedSql(typeof(AgentStore).Assembly, "agent"))
        {
            options.Migrations.Add(migration);
        }

        options.InlineProjections.Add(new ConversationList());
        // A turn reads its conversation: the state is kept in memory and only the turn's new events are folded on.
        options.KeepFolded<ConversationState>();
        return options;
    }
}
