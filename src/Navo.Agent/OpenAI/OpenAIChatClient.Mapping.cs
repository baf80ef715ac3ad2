using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using AI = Microsoft.Extensions.AI;

namespace Navo.Agent.OpenAI;

public sealed partial class OpenAIChatClient
{
    private static List<global::OpenAI.Chat.ChatMessage> ToOpenAI(IEnumerable<AI.ChatMessage> messages)
    {
        var result = new List<global::OpenAI.Chat.ChatMessage>();
        foreach (var message in messages)
        {
            if (message.Role == ChatRole.System)
            {
                result.Add(new SystemChatMessage(message.Text));
            }
            else if (message.Role == ChatRole.User)
            {
                result.Add(new UserChatMessage(message.Text));
            }
            else if (message.Role == ChatRole.Assistant)
            {
                var calls = message.Contents.OfType<FunctionCallContent>()
                    .Select(c => ChatToolCall.CreateFunctionToolCall(c.CallId, c.Name, BinaryData.FromString(JsonSerializer.Serialize(c.Arguments ?? new Dictionary<string, object?>()))))
                    .ToList();
                if (calls.Count > 0)
                {
                    var assistant = new AssistantChatMessage(calls);
                    if (message.Text.Length > 0)
                    {
                        assistant.Content.Add(ChatMessageContentPart.CreateTextPart(message.Text));
                    }

                    result.Add(assistant);
                }
                else
                {
                    result.Add(new AssistantChatMessage(message.Text));
                }
            }
            else if (message.Role == ChatRole.Tool)
            {
                // Every call gets its answer, paired by id, or the endpoint rejects the request.
                result.AddRange(message.Contents.OfType<FunctionResultContent>()
                    .Select(r => new ToolChatMessage(r.CallId, JsonSerializer.Serialize(r.Result, ResultJson))));
            }
        }

        return result;
    }

    // Tool results go to a model, not into a page: keep letters readable and leave out empty fields.
    private static readonly JsonSerializerOptions ResultJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private static ChatCompletionOptions ToOpenAI(ChatOptions? options)
    {
        var result = new ChatCompletionOptions();
        foreach (var tool in options?.Tools?.OfType<AIFunctionDeclaration>() ?? [])
        {
            result.Tools.Add(ChatTool.CreateFunctionTool(tool.Name, tool.Description, BinaryData.FromString(tool.JsonSchema.GetRawText())));
        }

        if (options?.ResponseFormat is ChatResponseFormatJson)
        {
            result.ResponseFormat = global::OpenAI.Chat.ChatResponseFormat.CreateJsonObjectFormat();
        }

        if (result.Tools.Count > 0)
        {
            result.ToolChoice = ChatToolChoice.CreateAutoChoice();
            result.AllowParallelToolCalls = true;
        }

        return result;
    }
}
