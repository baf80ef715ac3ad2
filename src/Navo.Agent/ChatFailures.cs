using System.ClientModel;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Polly.Timeout;

namespace Navo.Agent;

/// <summary>What the user reads when a chat client cannot answer.</summary>
public static class ChatFailures
{
    public const string Unreachable = "I can't reach the language model right now. Please try again in a minute.";
}

/// <summary>The language model could not be reached or refused the request, after the retries.</summary>
public sealed class ModelUnreachableException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// The innermost decorator of the chat pipeline: a model that cannot be reached (no connection, a timeout, an error
/// status after the retries) becomes one <see cref="ModelUnreachableException"/>, which the conversation turns into
/// <see cref="ChatFailures.Unreachable"/>. A cancelled request stays a cancellation.
/// </summary>
public sealed class ModelFailureChatClient(IChatClient inner) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken);
        }
        catch (Exception ex) when (IsUnreachable(ex, cancellationToken))
        {
            throw new ModelUnreachableException("The language model could not be reached.", ex);
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var updates = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await updates.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (Exception ex) when (IsUnreachable(ex, cancellationToken))
            {
                throw new ModelUnreachableException("The language model could not be reached.", ex);
            }

            yield return updates.Current;
        }
    }

    private static bool IsUnreachable(Exception ex, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && ex is ClientResultException or HttpRequestException or TimeoutException or TimeoutRejectedException or TaskCanceledException;
}
