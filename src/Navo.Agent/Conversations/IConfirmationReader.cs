namespace Navo.Agent.Conversations;

/// <summary>Reads a reply to a yes/no question: true for yes, false for no, null when it is something else (a new request).</summary>
public interface IConfirmationReader
{
    bool? Read(string text);
}
