using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Navo.Testing;

/// <summary>
/// A chat client whose answers a test writes as a callback: it sees every request (messages and options) and answers
/// with text or function calls. The requests are kept for the test to read.
/// </summary>
public sealed class FakeChatClient(Func<IReadOnlyList<ChatMessage>, ChatOptions?, ChatResponse> answer) : IChatClient
{
    public List<(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)> Requests { get; } = [];

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        lock (Requests)
        {
            Requests.Add((list, options));
        }

        return Task.FromResult(answer(list, options));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var update in (await GetResponseAsync(messages, options, cancellationToken)).ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
        // Nothing to release.
    }

    /// <summary>An answer calling <paramref name="name"/> with <paramref name="arguments"/> (JSON values by name).</summary>
    public static ChatResponse Calls(string id, string name, IDictionary<string, object?>? arguments = null) =>
        new(new ChatMessage(ChatRole.Assistant, [new FunctionCallContent(id, name, arguments)]));

    public static ChatResponse Says(string text) => new(new ChatMessage(ChatRole.Assistant, text));
}
