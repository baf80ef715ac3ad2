using System.Text.Json.Nodes;
using Navo.Agent.Generation;
using Navo.Agent.Tests.Support;
using Navo.Testing;
using Navo.Tools.Generate;

namespace Navo.Agent.Tests.Generation;

/// <summary>With a model, a section step asks it for JSON, checks it, and falls back to the local engine.</summary>
public sealed class ModelSectionStepTests : IAsyncLifetime
{
    private const string Bakery = "Rosa's Bakery is a bakery in Porto. We bake sourdough bread, croissants and custard tarts.";
    private readonly ReplayServer _model = new();
    private GenerationPipeline _pipeline = null!;

    public Task InitializeAsync()
    {
        // A generous timeout: these tests are about what the model answers, and test assemblies share two cores with
        // the embedding of the taxonomy of kinds at the start of a run.
        var chat = ModelClients.OpenAI(_model.BaseAddress, retries: 0);
        _pipeline = new GenerationPipeline(LocalSteps.All.Select(s => s.Name == "faq" ? new ModelSectionStep("faq", LocalSteps.SectionSteps["faq"], chat) : s));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _model.DisposeAsync();

    private static string Answer(string json) =>
        $$"""{"id":"c","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":{{JsonValue.Create(json).ToJsonString()}}},"finish_reason":"stop"}]}""";

    [Fact]
    public async Task A_valid_answer_becomes_the_section()
    {
        _model.Reply(Answer("""{"fields":{"title":"Asked at the counter"},"items":[{"question":"Do you bake on Sundays?","answer":"Every Sunday from 7am."}]}"""));

        var result = await _pipeline.RunAsync(new GenerationRequest(Bakery));

        var faq = result.Site.Pages[0].Sections.Single(s => s.Type == "faq");
        faq.Field("title").Should().Be("Asked at the counter");
        faq.Items.Single().Field("question").Should().Be("Do you bake on Sundays?");
        _model.Requests.TryDequeue(out var request);
        var body = JsonNode.Parse(request.Body)!;
        body["response_format"]!["type"]!.GetValue<string>().Should().Be("json_object");
        body["messages"]![0]!["content"]!.ToString().Should().Contain("Never invent facts");
        body["messages"]![1]!["content"]!.ToString().Should().Contain("Rosa's Bakery").And.Contain("\"section\":\"faq\"");
    }

    [Theory]
    [InlineData("""not json at all""")]
    [InlineData("""{"fields":{"title":"ok","headline":"no such field"},"items":[]}""")]
    [InlineData("""{"fields":{"title":""},"items":[]}""")]
    public async Task A_bad_answer_falls_back_to_the_local_engine(string answer)
    {
        _model.Reply(Answer(answer));

        var result = await _pipeline.RunAsync(new GenerationRequest(Bakery));

        result.Site.Pages[0].Sections.Single(s => s.Type == "faq").Field("title").Should().Be("Questions, answered");
    }

    [Fact]
    public async Task An_unreachable_model_falls_back_to_the_local_engine()
    {
        _model.Reply("""{"error":{"message":"down"}}""", 503);

        var result = await _pipeline.RunAsync(new GenerationRequest(Bakery));

        result.Site.Pages[0].Sections.Single(s => s.Type == "faq").Items.Should().NotBeEmpty();
    }
}
