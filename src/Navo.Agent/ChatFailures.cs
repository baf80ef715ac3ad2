namespace Navo.Agent;

/// <summary>What the user reads when a chat client cannot answer.</summary>
public static class ChatFailures
{
    public const string Unreachable = "I can't reach the language model right now. Please try again in a minute.";
}
