using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Navo.Tools.Analyze;

namespace Navo.Host.Tests;

/// <summary>
/// Publishing, rolling back or unpublishing while an experiment runs: it goes on with the version now live when that
/// version still has the tested text, and otherwise ends as stopped with the reason. An ended experiment's figures
/// are the ones it ended with, whatever retention later drops.
/// </summary>
public sealed class ExperimentPublishingTests(AnalyticsHostFactory factory) : IClassFixture<AnalyticsHostFactory>
{
    private const string Original = "Drop in soon";
    private const string Variant = "Save me a seat";

    private readonly HttpClient _owner = factory.Owner;
    private readonly HttpClient _visitor = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });

    private async Task EditAsync(Guid id, string operations)
    {
        var edited = await _owner.PostAsync($"/api/v1/projects/{id}/operations", new StringContent($$"""{"operations":[{{operations}}]}""", Encoding.UTF8, "application/json"));
        edited.StatusCode.Should().Be(HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
    }

    private async Task<JsonElement> PostAsync(string path, object? body = null)
    {
        var response = body is null ? await _owner.PostAsync(path, null) : await _owner.PostAsJsonAsync(path, body);
        ((int)response.StatusCode).Should().BeLessThan(300, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<(Guid Id, string Slug, long Live)> PublishedSiteAsync()
    {
        var id = (await PostAsync("/api/v1/projects", new { description = "Tasca da Sé is a restaurant in Lisbon serving grilled fish." })).GetProperty("id").GetGuid();
        await EditAsync(id, $$"""{"op":"set_text","section":"hero","field":"ctaText","value":"{{Original}}"},{"op":"set_text","section":"contact","field":"submitText","value":"Send it"}""");
        var published = await PostAsync($"/api/v1/projects/{id}/publish");
        var live = published.GetProperty("live");
        return (id, live.GetProperty("slug").GetString()!, live.GetProperty("version").GetInt64());
    }

    private async Task<JsonElement> ExperimentAsync(Guid id) =>
        (await _owner.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/experiments")).GetProperty("experiments")[0];

    /// <summary>The live home page of each of 16 visitors.</summary>
    private async Task<List<string>> PagesAsync(string slug)
    {
        var pages = new List<string>();
        for (var visitor = 0; visitor < 16; visitor++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/s/{slug}/");
            request.Headers.TryAddWithoutValidation("User-Agent", AnalyticsTests.Browser(visitor));
            pages.Add(await (await _visitor.SendAsync(request)).Content.ReadAsStringAsync());
        }

        return pages;
    }

    [Fact]
    public async Task Publishing_or_rolling_back_to_a_version_with_the_same_tested_text_keeps_the_experiment_running_there()
    {
        var (id, slug, first) = await PublishedSiteAsync();
        await PostAsync($"/api/v1/projects/{id}/experiments", new { section = "hero", field = "ctaText", variant = Variant });
        await EditAsync(id, """{"op":"set_text","section":"hero","field":"headline","value":"Fresh fish from the river every day"}""");

        var published = await PostAsync($"/api/v1/projects/{id}/publish");

        published.GetProperty("message").GetString().Should().EndWith($"The experiment '{Variant}' against '{Original}' goes on with this version.");
        var experiment = await ExperimentAsync(id);
        experiment.GetProperty("status").GetString().Should().Be("running");
        experiment.GetProperty("liveVersion").GetInt64().Should().Be(published.GetProperty("live").GetProperty("version").GetInt64());
        var pages = await PagesAsync(slug);
        pages.Count(p => p.Contains("Fresh fish from the river every day", StringComparison.Ordinal)).Should().Be(pages.Count, "both arms are the version now live");
        pages.Count(p => p.Contains(Variant, StringComparison.Ordinal)).Should().BeInRange(1, pages.Count - 1, "some visitors see the variant and the others the original");

        await PostAsync($"/api/v1/projects/{id}/rollback", new { version = first });

        (await ExperimentAsync(id)).GetProperty("status").GetString().Should().Be("running");
        pages = await PagesAsync(slug);
        pages.Count(p => p.Contains("Fresh fish from the river every day", StringComparison.Ordinal)).Should().Be(0, "the rolled-back version is live in both arms");
        pages.Count(p => p.Contains(Variant, StringComparison.Ordinal)).Should().BeInRange(1, pages.Count - 1);
    }

    [Fact]
    public async Task Publishing_without_the_tested_section_or_with_another_text_or_unpublishing_stops_the_experiment_with_the_reason()
    {
        var (id, slug, _) = await PublishedSiteAsync();
        await PostAsync($"/api/v1/projects/{id}/experiments", new { section = "contact", field = "submitText", variant = "Write to us today" });
        await EditAsync(id, """{"op":"remove_section","section":"contact"}""");

        var published = await PostAsync($"/api/v1/projects/{id}/publish");

        var experiment = await ExperimentAsync(id);
        experiment.GetProperty("status").GetString().Should().Be("stopped");
        experiment.GetProperty("reason").GetString().Should().StartWith("The version now live has no ").And.EndWith(" any more.");
        published.GetProperty("message").GetString().Should().Contain("The experiment 'Write to us today' against 'Send it' stopped: the version now live has no ");
        (await PagesAsync(slug)).Count(p => p.Contains("Write to us today", StringComparison.Ordinal)).Should().Be(0);

        await PostAsync($"/api/v1/projects/{id}/experiments", new { section = "hero", field = "ctaText", variant = Variant });
        await EditAsync(id, """{"op":"set_text","section":"hero","field":"ctaText","value":"Call us"}""");
        await PostAsync($"/api/v1/projects/{id}/publish");

        experiment = await ExperimentAsync(id);
        experiment.GetProperty("status").GetString().Should().Be("stopped");
        experiment.GetProperty("reason").GetString().Should().Be("The version now live changed the button text to 'Call us', so the test no longer compares the same two texts.");
        (await PagesAsync(slug)).Count(p => p.Contains("Call us", StringComparison.Ordinal) && !p.Contains(Variant, StringComparison.Ordinal)).Should().Be(16);

        await PostAsync($"/api/v1/projects/{id}/experiments", new { section = "hero", field = "ctaText", variant = Variant });
        await PostAsync($"/api/v1/projects/{id}/unpublish");

        experiment = await ExperimentAsync(id);
        experiment.GetProperty("status").GetString().Should().Be("stopped");
        experiment.GetProperty("reason").GetString().Should().Be("The site was taken offline.");
        (await _owner.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/history")).GetRawText().Should().Contain("Stopped an experiment: the site was taken offline.");
    }

    [Fact]
    public async Task An_ended_experiment_keeps_the_figures_it_ended_with_once_its_days_events_are_gone()
    {
        var (id, slug, _) = await PublishedSiteAsync();
        await PostAsync($"/api/v1/projects/{id}/experiments", new { section = "hero", field = "ctaText", variant = Variant });
        for (var visitor = 0; visitor < 12; visitor++)
        {
            (await AnalyticsTests.SendAsync(_visitor, slug, """{"k":"v","p":"/","w":1280}""", visitor)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        }

        await factory.Services.GetRequiredService<VisitBuffer>().FlushAsync();
        var eid = (await ExperimentAsync(id)).GetProperty("id").GetGuid();
        var ended = (await PostAsync($"/api/v1/projects/{id}/experiments/{eid}/conclude", new { apply = false })).GetProperty("experiment").GetProperty("results");
        await using (var command = factory.Database.DataSource.CreateCommand($"delete from navo_analytics_events where project_id = '{id}'"))
        {
            await command.ExecuteNonQueryAsync();
        }

        var listed = (await ExperimentAsync(id)).GetProperty("results");

        (ended.GetProperty("original").GetProperty("views").GetInt64() + ended.GetProperty("variant").GetProperty("views").GetInt64()).Should().Be(12);
        listed.GetRawText().Should().Be(ended.GetRawText(), "the figures it ended with, not the events retention drops");
    }
}
