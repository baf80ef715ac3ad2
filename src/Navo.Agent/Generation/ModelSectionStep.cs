using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Navo.Tools.Generate;
using Navo.Tools.Sites;

namespace Navo.Agent.Generation;

/// <summary>
/// A generation step that asks a model for each of its sections as JSON, checks the answer against the site
/// model, and falls back to the local engine for any section the model cannot give (unreachable, not JSON,
/// unknown fields, over the limits). It replaces the local step of the same name, so the DAG is unchanged.
/// </summary>
public sealed class ModelSectionStep(string name, IReadOnlyList<string> types, IChatClient chat) : IGenerationStep
{
    private static readonly LocalCopywriter Fallback = new();

    // The request goes to a model, not into a page: keep the business's own letters readable.
    private static readonly JsonSerializerOptions ModelJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Name { get; } = name;

    public IReadOnlyList<string> DependsOn { get; } = ["brief"];

    public async Task RunAsync(GenerationContext context, CancellationToken cancellationToken)
    {
        var brief = context.Get<Brief>(GenerationKeys.Brief);
        var pack = ContentPack.For(brief.Industry);
        foreach (var type in types.Where(pack.Sections.Contains))
        {
            var section = await AskAsync(type, brief, cancellationToken) ?? Fallback.Draft(type, brief, string.Empty, context.Request.Seed);
            context.Set(GenerationKeys.Section(type), section);
        }
    }

    /// <summary>The model's section, or null when its answer is not a valid section of this type.</summary>
    private async Task<Section?> AskAsync(string type, Brief brief, CancellationToken cancellationToken)
    {
        var spec = SectionCatalog.Find(type)!;
        var request = new JsonObject
        {
            ["section"] = type,
            ["fields"] = new JsonArray([.. spec.Fields.Select(f => (JsonNode)$"{f} (at most {SectionCatalog.MaxLength(f)} characters)")]),
            ["itemFields"] = new JsonArray([.. spec.ItemFields.Select(f => (JsonNode)f)]),
            ["maxItems"] = spec.HasItems ? 6 : 0,
            ["business"] = new JsonObject
            {
                ["name"] = brief.BusinessName, ["industry"] = brief.Industry, ["place"] = brief.Place, ["tone"] = brief.Tone,
                ["offerings"] = new JsonArray([.. brief.Offerings.Select(o => (JsonNode)o)]), ["description"] = brief.Description,
            },
        };
        try
        {
            var response = await chat.GetResponseAsync(
                [new ChatMessage(ChatRole.System, Prompts.Read(Path.Combine("generation", "section.md"))), new ChatMessage(ChatRole.User, request.ToJsonString(ModelJson))],
                new ChatOptions { ResponseFormat = ChatResponseFormat.Json }, cancellationToken);
            return Parse(type, response.Text);
        }
        catch (ModelUnreachableException)
        {
            return null;
        }
    }

    public static Section? Parse(string type, string text)
    {
        try
        {
            var answer = JsonSerializer.Deserialize<ModelSection>(text, new JsonSerializerOptions(JsonSerializerDefaults.Web));
            if (answer?.Fields is null)
            {
                return null;
            }

            var section = new Section(string.Empty, type, answer.Fields, answer.Items ?? []);
            var spec = SectionCatalog.Find(type)!;
            // The main texts must be there; contact details may stay empty for the owner to fill in.
            var complete = spec.Fields.Where(f => f is "headline" or "title" or "body" or "text").All(f => section.Field(f).Length > 0);
            return complete && !SiteValidator.ValidateSection(section).Any() ? section : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record ModelSection(Dictionary<string, string>? Fields, List<SectionItem>? Items);
}
