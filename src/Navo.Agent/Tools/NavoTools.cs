using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.AI;
using Navo.Tools.Analyze;
using Navo.Tools.Edit;
using Navo.Tools.Projects;
using Navo.Tools.Publish;
using Navo.Tools.Sites;

namespace Navo.Agent.Tools;

/// <summary>
/// The tools the agent offers, as <see cref="AIFunction"/>s with the names and JSON arguments of design.md
/// section 6, bound to one turn. An expected failure comes back as a plain sentence, never an exception.
/// </summary>
public sealed partial class NavoTools(ProjectService projects, PublishService publisher)
{
    /// <summary>How tool arguments are read: the edit operations' <c>op</c> may come anywhere; required arguments must be there.</summary>
    public static JsonSerializerOptions ArgumentOptions { get; } = new(EditOperationJson.Options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    /// <summary>
    /// The tools, made once. Each call finds its turn (<see cref="TurnScope"/>) in the services it is invoked with: the
    /// turn's own service provider (<see cref="TurnServices"/>), which the agent gives the turn's kernel.
    /// </summary>
    public IReadOnlyList<AIFunction> Functions => _functions ??=
    [
        Tool(ToolNames.GenerateSite, (
            IServiceProvider services,
            [Description("What the business is and does, in the user's words")] string description,
            [Description("The business name, if the user gave it")] string? businessName = null,
            [Description("The kind of business in the user's words, if they named it (\"dog groomer\", \"bakery\")")] string? industry = null,
            [Description("The town, city or area, if the user named it")] string? place = null,
            [Description("The tone the user asked for")] string? tone = null,
            [Description("True when the user corrects what the business is: a new version of the current site, never a new site")] bool redraft = false,
            CancellationToken cancellationToken = default) =>
            GenerateAsync(TurnServices.Scope(services), new GenerationArguments(description, businessName, industry, place, tone, redraft), cancellationToken)),
        Tool(ToolNames.EditSite, (IServiceProvider services, [Description("The edits, applied atomically, one version each")] EditOperation[] operations, CancellationToken cancellationToken = default) =>
            EditAsync(TurnServices.Scope(services), operations, cancellationToken)),
        Tool(ToolNames.ShowHistory, (IServiceProvider services, long? from = null, long? to = null, int? limit = null, CancellationToken cancellationToken = default) =>
            HistoryAsync(TurnServices.Scope(services), from, to, limit, cancellationToken)),
        Tool(ToolNames.ListProjects, (IServiceProvider services, CancellationToken cancellationToken = default) => ListAsync(TurnServices.Scope(services), cancellationToken)),
        Tool(ToolNames.OpenProject, (IServiceProvider services, [Description("The site's name")] string name, CancellationToken cancellationToken = default) =>
            OpenAsync(TurnServices.Scope(services), name, cancellationToken)),
        Tool(ToolNames.DeleteProject, (IServiceProvider services, [Description("The name of the site to delete, exactly as it is listed")] string name, CancellationToken cancellationToken = default) =>
            DeleteAsync(TurnServices.Scope(services), name, cancellationToken)),
        Tool(ToolNames.PublishSite, (
            IServiceProvider services,
            [Description("publish, rollback or unpublish")] PublishAction action,
            [Description("For rollback: the published version to go back to (default: the one before)")] long? version = null,
            CancellationToken cancellationToken = default) =>
            PublishAsync(TurnServices.Scope(services), action, version, cancellationToken)),
        Tool(ToolNames.AnalyzeSite, (
            IServiceProvider services,
            [Description("The last 7, 30 or 90 days, or all of them")] AnalyticsPeriod period = AnalyticsPeriod.Days30,
            CancellationToken cancellationToken = default) =>
            AnalyzeAsync(TurnServices.Scope(services), services.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System, period, cancellationToken)),
        Tool(ToolNames.ApplySuggestion, (
            IServiceProvider services,
            [Description("The suggestion's number in the last list shown (1-based, as text: \"2\"), or its id")] string suggestion,
            CancellationToken cancellationToken = default) =>
            ApplySuggestionAsync(TurnServices.Scope(services), suggestion, cancellationToken)),
        Tool(ToolNames.DismissSuggestion, (
            IServiceProvider services,
            [Description("The suggestion's number in the last list shown (1-based, as text: \"2\"), or its id")] string suggestion,
            CancellationToken cancellationToken = default) =>
            DismissSuggestionAsync(TurnServices.Scope(services), suggestion, cancellationToken)),
        Tool(ToolNames.StartExperiment, (
            IServiceProvider services,
            [Description("The live site's section: its type (\"hero\", \"cta\"), type#n or id")] string section,
            [Description("The text field to test, such as \"ctaText\" (the hero's button) or \"headline\"")] string @field,
            [Description("The new text to try against the live one, in the user's words")] string variant,
            CancellationToken cancellationToken = default) =>
            StartExperimentAsync(services, section, @field, variant, cancellationToken)),
        Tool(ToolNames.ConcludeExperiment, (
            IServiceProvider services,
            [Description("True to put a winning variant into the site; false to stop the experiment and change nothing")] bool apply = true,
            [Description("The experiment's id; leave it out for the one running")] string? experiment = null,
            CancellationToken cancellationToken = default) =>
            ConcludeExperimentAsync(services, apply, experiment, cancellationToken)),
        Tool(ToolNames.ShowLeads, (IServiceProvider services, CancellationToken cancellationToken = default) => LeadsAsync(TurnServices.Scope(services), cancellationToken)),
        Tool(ToolNames.Help, () => Help()),
    ];

    private IReadOnlyList<AIFunction>? _functions;

    /// <summary>
    /// Every tool's description and JSON Schema of its arguments, generated from the C# signatures (kept in
    /// docs/tools.json). The functions are made without a turn: describing them never invokes them.
    /// </summary>
    public static string SchemasJson()
    {
        var schemas = new JsonObject();
        foreach (var tool in new NavoTools(null!, null!).Functions)
        {
            schemas[tool.Name] = new JsonObject { ["description"] = tool.Description, ["parameters"] = JsonNode.Parse(tool.JsonSchema.GetRawText()) };
        }

        return schemas.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    /// <summary>
    /// A tool: its name, its description file, and a schema of its arguments that the model can follow. Its
    /// <see cref="ToolResult"/> comes back as it is (not as JSON), so that the filters and the local client read it
    /// typed; the chat client serializes it for a model.
    /// </summary>
    private static AIFunction Tool(string name, Delegate method) => AIFunctionFactory.Create(method, new AIFunctionFactoryOptions
    {
        Name = name,
        Description = Describe(name),
        SerializerOptions = ArgumentOptions,
        JsonSchemaCreateOptions = SchemaOptions,
        MarshalResult = static (result, _, _) => new ValueTask<object?>(result),
        ConfigureParameterBinding = ToolArguments.Binding,
    });

    /// <summary>
    /// Section items are read by their own converter, which leaves their schema open (and the exporter then skips
    /// them); a model needs to know an item is an object of texts by field name (and, for a pricing plan, features).
    /// </summary>
    private static readonly AIJsonSchemaCreateOptions SchemaOptions = new()
    {
        TransformSchemaNode = (context, node) =>
        {
            if (context.TypeInfo.Type == typeof(IReadOnlyList<SectionItem>) && node is JsonObject list)
            {
                list["items"] = new JsonObject
                {
                    ["type"] = "object",
                    ["description"] = "An item's texts by field name, such as {\"name\": \"Haircut\", \"price\": \"£20\", \"period\": \"session\"}; a pricing plan may also have \"features\": [text]",
                    ["additionalProperties"] = new JsonObject { ["type"] = new JsonArray("string", "array"), ["items"] = new JsonObject { ["type"] = "string" } },
                };
            }

            return node;
        },
    };

    /// <summary>A tool's description, from <c>prompts/tools/{name}.md</c> (prompts are files, not C# strings).</summary>
    private static string Describe(string tool) => Descriptions.GetOrAdd(tool, name => Prompts.Read(Path.Combine("tools", name + ".md")).Trim());

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Descriptions = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether a call waits for the user's yes: every publish, rollback and unpublish (the action read as the tool reads
    /// it), deleting a project, and edits that remove a page. With <paramref name="scope"/>, a call the caller's role
    /// may not make is not asked about: it runs at once and is refused (and audited) like any other.
    /// </summary>
    public static bool NeedsApproval(string name, IDictionary<string, object?>? arguments, TurnScope? scope = null)
    {
        var needs = name switch
        {
            ToolNames.PublishSite => ActionOf(arguments) is not null,
            ToolNames.DeleteProject => true,
            ToolNames.EditSite => Argument(arguments, "operations") is JsonArray list && list.Any(o => o?["op"]?.GetValue<string>() == "remove_page"),
            _ => false,
        };
        return needs && (scope is null || scope.May(ToolNames.AccessOf(name)));
    }

    /// <summary>
    /// The action of a <c>publish_site</c> call, read exactly as the tool reads it (so whatever the tool would run is
    /// asked about); null when the tool would refuse the call for want of one it knows.
    /// </summary>
    private static PublishAction? ActionOf(IDictionary<string, object?>? arguments)
    {
        if (arguments?.TryGetValue("action", out var value) != true || value is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.SerializeToElement(value, ArgumentOptions).Deserialize<PublishAction>(ArgumentOptions);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>An argument as JSON: a string's text, a number's digits, or the node for arrays and objects.</summary>
    public static object? Argument(IDictionary<string, object?>? arguments, string name)
    {
        if (arguments?.TryGetValue(name, out var value) != true || JsonSerializer.SerializeToNode(value) is not { } node)
        {
            return null;
        }

        // Typed as object on purpose: JsonNode converts from string implicitly, which would turn the texts back into nodes.
        return node.GetValueKind() switch
        {
            JsonValueKind.String => (object)node.GetValue<string>(),
            JsonValueKind.Number => node.ToString(),
            _ => node,
        };
    }
}
