using Navo.Agent.Conversations;
using Navo.EventStore;

namespace Navo.Agent;

/// <summary>Registers the conversation events with a store.</summary>
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
        return options;
    }
}
