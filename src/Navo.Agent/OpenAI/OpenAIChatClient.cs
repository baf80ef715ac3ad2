using System.ClientModel;
using System.ClientModel.Primitives;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using Polly;
using Polly.Retry;
using AI = Microsoft.Extensions.AI;

namespace Navo.Agent.OpenAI;

/// <summary>
/// An <see cref="IChatClient"/> over any OpenAI-compatible Chat Completions endpoint (OpenAI, Azure OpenAI v1,
/// Ollama, vLLM) through the OpenAI SDK: tools with <c>tool_choice</c> auto and parallel calls, tool results paired
/// by <c>tool_call_id</c>, streamed text and tool-call deltas. Retries 429 and 5xx with back-off (Polly), bounds
/// each request by a timeout, and answers in plain words when the model cannot be reached.
/// </summary>
public sealed partial class OpenAIChatClient : IChatClient
{
    /// <summary>What the user reads when the model is unreachable.</summary>
    public const string Unreachable = ChatFailures.Unreachable;

    private readonly ChatClient _client;
    private readonly ResiliencePipeline _resilience;

    public OpenAIChatClient(AiOptions options)
    {
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = options.Endpoint,
            NetworkTimeout = options.Timeout,
            // Polly retries instead, so that 429 and 5xx are handled in one place.
            RetryPolicy = new ClientRetryPolicy(0),
        };
        _client = new ChatClient(options.Model, new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? "none" : options.ApiKey), clientOptions);
        var resilience = new ResiliencePipelineBuilder();
        if (options.MaxRetries > 0)
        {
            resilience.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(200),
                ShouldHandle = new PredicateBuilder().Handle<ClientResultException>(e => e.Status is 429 or >= 500).Handle<HttpRequestException>(),
            });
        }

        _resilience = resilience.AddTimeout(options.Timeout).Build();
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<AI.ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = ToOpenAI(messages);
        var completionOptions = ToOpenAI(options);
        try
        {
            var completion = await _resilience.ExecuteAsync(
                async token => (await _client.CompleteChatAsync(request, completionOptions, token)).Value, cancellationToken);
            var contents = new List<AIContent>();
            var text = string.Concat(completion.Content.Select(p => p.Text));
            if (text.Length > 0)
            {
                contents.Add(new AI.TextContent(text));
            }

            contents.AddRange(completion.ToolCalls.Select(call => ToFunctionCall(call.Id, call.FunctionName, call.FunctionArguments.ToString())));
            return new ChatResponse(new AI.ChatMessage(ChatRole.Assistant, contents)) { ModelId = completion.Model, ResponseId = completion.Id };
        }
        catch (Exception ex) when (IsUnreachable(ex, cancellationToken))
        {
            return new ChatResponse(new AI.ChatMessage(ChatRole.Assistant, Unreachable));
        }
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<AI.ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var calls = new SortedDictionary<int, (string? Id, string? Name, StringBuilder Arguments)>();
        var updates = _client.CompleteChatStreamingAsync(ToOpenAI(messages), ToOpenAI(options), cancellationToken);
        await using var enumerator = updates.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            StreamingChatCompletionUpdate update;
            string? failure = null;
            try
            {
                if (!await enumerator.MoveNextAsync())
                {
                    break;
                }

                update = enumerator.Current;
            }
            catch (Exception ex) when (IsUnreachable(ex, cancellationToken))
            {
                failure = Unreachable;
                update = null!;
            }

            if (failure is not null)
            {
                yield return new ChatResponseUpdate(ChatRole.Assistant, failure);
                yield break;
            }

            var text = string.Concat(update.ContentUpdate.Select(p => p.Text));
            if (text.Length > 0)
            {
                yield return new ChatResponseUpdate(ChatRole.Assistant, text);
            }

            // Tool calls arrive in pieces grouped by index: the id and name once, the arguments in fragments.
            foreach (var part in update.ToolCallUpdates)
            {
                var entry = calls.TryGetValue(part.Index, out var existing) ? existing : (null, null, new StringBuilder());
                calls[part.Index] = (part.ToolCallId ?? entry.Id, part.FunctionName ?? entry.Name, entry.Arguments.Append(part.FunctionArgumentsUpdate?.ToString()));
            }
        }

        if (calls.Count > 0)
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant,
                [.. calls.Values.Select(c => (AIContent)ToFunctionCall(c.Id ?? string.Empty, c.Name ?? string.Empty, c.Arguments.ToString()))]);
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
        // The SDK client holds no resources that need releasing.
    }

    /// <summary>Arguments are a string of JSON that may be invalid: then the call carries the error for the loop to report.</summary>
    private static FunctionCallContent ToFunctionCall(string id, string name, string arguments)
    {
        try
        {
            var parsed = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(string.IsNullOrWhiteSpace(arguments) ? "{}" : arguments);
            return new FunctionCallContent(id, name, parsed?.ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal));
        }
        catch (JsonException ex)
        {
            return new FunctionCallContent(id, name) { Exception = ex };
        }
    }

    private static bool IsUnreachable(Exception ex, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && ex is ClientResultException or HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException or TaskCanceledException;
}
