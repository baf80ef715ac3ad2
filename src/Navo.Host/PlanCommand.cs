using System.Text.Json;
using Navo.Agent.Local;

namespace Navo.Host;

/// <summary>
/// <c>plan</c>: prints, without a database, the tool calls the local client makes for a message in the sample
/// context (design.md section 7); with <c>--stdin</c>, one JSON object a line for one message a line, each judged
/// on its own.
/// </summary>
public static class PlanCommand
{
    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output)
    {
        var planner = LocalPlanner.FromPrompts();
        if (args is ["--stdin"])
        {
            while (await input.ReadLineAsync() is { } line)
            {
                if (line.Trim().Length > 0)
                {
                    await output.WriteLineAsync(Json(planner, line));
                }
            }

            return 0;
        }

        if (args.Length == 0)
        {
            await Console.Error.WriteLineAsync("usage: plan \"<message>\" | plan --stdin");
            return 2;
        }

        await output.WriteLineAsync(Json(planner, string.Join(' ', args)));
        return 0;
    }

    private static string Json(LocalPlanner planner, string message) =>
        planner.Plan(message, PlanContext.Sample).ToJson().ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
