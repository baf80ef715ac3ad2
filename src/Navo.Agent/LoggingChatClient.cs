using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Navo.Agent;

/// <summary>
/// Logs each chat request: how long it took and which tools the answer called. Message contents (the user's words)
/// are logged only at Trace, as style.md asks.
/// </summary>
public sealed partial class LoggingChatClient(IChatClient inner, ILogger<LoggingChatClient> logger) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await base.GetResponseAsync(messages, options, cancellationToken);
        var calls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Select(c => c.Name).ToList();
        LogResponse(Stopwatch.GetElapsedTime(started).TotalMilliseconds, calls.Count == 0 ? "(none)" : string.Join(", ", calls));
        if (logger.IsEnabled(LogLevel.Trace))
        {
            LogContent(response.Text);
        }

        return response;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Chat response in {Milliseconds:0.0} ms, tool calls: {ToolCalls}")]
    private partial void LogResponse(double milliseconds, string toolCalls);

    [LoggerMessage(Level = LogLevel.Trace, Message = "Chat response text: {Text}")]
    private partial void LogContent(string text);
}
