using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Navo.Agent.OpenAI;

/// <summary>
/// Microsoft's <see cref="IChatClient"/> for OpenAI-compatible endpoints (OpenAI, Azure OpenAI v1, Ollama, vLLM) over
/// the official OpenAI SDK: tools with <c>tool_choice</c> auto, results paired by <c>tool_call_id</c>, streamed text and
/// tool-call deltas. It sends through the given <see cref="HttpClient"/>, whose resilience handler retries and times out.
/// </summary>
public static class OpenAICompatible
{
    public static IChatClient Create(AiOptions ai, HttpClient http)
    {
        http.Timeout = Timeout.InfiniteTimeSpan;
        var options = new OpenAIClientOptions
        {
            Endpoint = ai.Endpoint,
            Transport = new HttpClientPipelineTransport(http),
            // The resilience handler retries and times out each attempt; the SDK does neither a second time.
            RetryPolicy = new ClientRetryPolicy(0),
            NetworkTimeout = Timeout.InfiniteTimeSpan,
        };
        var key = new ApiKeyCredential(string.IsNullOrEmpty(ai.ApiKey) ? "none" : ai.ApiKey);
        return new global::OpenAI.Chat.ChatClient(ai.Model, key, options).AsIChatClient();
    }
}
