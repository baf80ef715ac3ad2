using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Navo.Tools.Analyze;

namespace Navo.Host.Tests;

/// <summary>
/// Experiments end to end on the real host: a test started on the live site's button, visitors served each arm by
/// their daily hash, their views, clicks and forms counted in the arm they saw, the results, and concluding.
/// </summary>
public sealed class ExperimentsTests(AnalyticsHostFactory factory) : IClassFixture<AnalyticsHostFactory>
{
    private const string Original = "Drop in soon";
    private const string Variant = "Save me a seat";

    private readonly HttpClient _owner = factory.Owner;
    private readonly HttpClient _visitor = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });

    private async Task<(Guid Id, string Slug)> PublishedSiteAsync()
    {
        var id = (await (await _owner.PostAsJsonAsync("/api/v1/projects", new { description = "Tasca do Rio is a restaurant in Porto serving grilled fish." }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await _owner.PostAsync($"/api/v1/projects/{id}/operations", new StringContent(
            $$"""{"operations":[{"op":"set_text","section":"hero","field":"ctaText","value":"{{Original}}"}]}""", Encoding.UTF8, "application/json")))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        var published = await _owner.PostAsync($"/api/v1/projects/{id}/publish", null);
        return (id, (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("live").GetProperty("slug").GetString()!);
    }

    /// <summary>The live home page as visitor <paramref name="visitor"/>'s browser gets it.</summary>
    private async Task<HttpResponseMessage> PageAsync(string slug, int visitor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/s/{slug}/");
        request.Headers.TryAddWithoutValidation("User-Agent", AnalyticsTests.Browser(visitor));
        return await _visitor.SendAsync(request);
    }

    private async Task<bool> SeesVariantAsync(string slug, int visitor)
    {
        var html = await (await PageAsync(slug, visitor)).Content.ReadAsStringAsync();
        var variant = html.Contains(Variant, StringComparison.Ordinal);
        html.Contains(Original, StringComparison.Ordinal).Should().Be(!variant, "each page shows exactly one arm");
        return variant;
    }

    private async Task SendFormAsync(string slug, int visitor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/s/{slug}/_navo/form")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = $"Visitor {visitor}", ["email"] = $"v{visitor}@example.com", ["message"] = "A table for two on Friday?" }),
        };
        request.Headers.TryAddWithoutValidation("User-Agent", AnalyticsTests.Browser(visitor));
        (await _visitor.SendAsync(request)).StatusCode.Should().BeOneOf(HttpStatusCode.OK, HttpStatusCode.SeeOther, HttpStatusCode.Redirect);
    }

    private async Task<JsonElement> ExperimentAsync(Guid id) =>
        (await _owner.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/experiments")).GetProperty("experiments")[0];

    [Fact]
    public async Task Visitors_split_by_hash_are_counted_in_the_arm_they_saw_and_a_winning_variant_is_applied_as_one_version()
    {
        var (id, slug) = await PublishedSiteAsync();
        var started = await _owner.PostAsJsonAsync($"/api/v1/projects/{id}/experiments", new { section = "hero", field = "ctaText", variant = Variant });
        started.StatusCode.Should().Be(HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var experiment = await started.Content.ReadFromJsonAsync<JsonElement>();
        experiment.GetProperty("original").GetString().Should().Be(Original);
        experiment.GetProperty("results").GetProperty("verdict").GetString().Should().Be("not_enough_data");

        // 400 visitors: each sees one arm, the same on a second look; the variant's visitors click its button far more.
        int variantViews = 0, variantConversions = 0, originalViews = 0, originalConversions = 0;
        for (var visitor = 0; visitor < 400; visitor++)
        {
            var seesVariant = await SeesVariantAsync(slug, visitor);
            (await SeesVariantAsync(slug, visitor)).Should().Be(seesVariant, "a visitor sees the same arm all day");
            (await AnalyticsTests.SendAsync(_visitor, slug, """{"k":"v","p":"/","w":1280}""", visitor)).StatusCode.Should().Be(HttpStatusCode.Accepted);
            var converts = seesVariant ? visitor % 3 == 0 : visitor % 20 == 0;
            // A few convert by the contact form (the form endpoint allows ten a minute from one address); the rest click.
            if (converts && visitor >= 30)
            {
                (await AnalyticsTests.SendAsync(_visitor, slug, """{"k":"c","t":"hero","p":"/","w":1280}""", visitor)).StatusCode.Should().Be(HttpStatusCode.Accepted);
            }
            else if (converts)
            {
                await SendFormAsync(slug, visitor);
            }

            (seesVariant ? ref variantViews : ref originalViews)++;
            (seesVariant ? ref variantConversions : ref originalConversions) += converts ? 1 : 0;
        }

        await factory.Services.GetRequiredService<VisitBuffer>().FlushAsync();

        variantViews.Should().BeInRange(140, 260, "the split is about half and half");
        var results = (await ExperimentAsync(id)).GetProperty("results");
        results.GetProperty("original").GetProperty("views").GetInt64().Should().Be(originalViews);
        results.GetProperty("original").GetProperty("conversions").GetInt64().Should().Be(originalConversions);
        results.GetProperty("variant").GetProperty("views").GetInt64().Should().Be(variantViews);
        results.GetProperty("variant").GetProperty("conversions").GetInt64().Should().Be(variantConversions);
        results.GetProperty("verdict").GetString().Should().Be("variant_wins");
        results.GetProperty("chanceVariantBeatsOriginal").GetDouble().Should().BeGreaterThan(0.99);
        var page = await PageAsync(slug, 1);
        page.Headers.CacheControl!.Private.Should().BeTrue("a shared cache must not hand one visitor's arm to another");
        var version = (await _owner.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}")).GetProperty("version").GetInt64();
        var preview = await (await _owner.GetAsync($"/preview/{id}/v/{version}/")).Content.ReadAsStringAsync();
        preview.Should().Contain(Original).And.NotContain(Variant, "previews show the document, never an arm");

        var concluded = await _owner.PostAsJsonAsync($"/api/v1/projects/{id}/experiments/{experiment.GetProperty("id").GetGuid()}/conclude", new { apply = true });

        concluded.StatusCode.Should().Be(HttpStatusCode.OK, await concluded.Content.ReadAsStringAsync());
        var answer = await concluded.Content.ReadFromJsonAsync<JsonElement>();
        answer.GetProperty("experiment").GetProperty("status").GetString().Should().Be("applied");
        answer.GetProperty("version").GetInt64().Should().Be(version + 1, "applying the winner is one new version");
        answer.GetProperty("diff").GetProperty("changes").EnumerateArray().Select(c => c.GetString()).Should().Equal($"The main button now reads “{Variant}”");
        var history = await _owner.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/history");
        history[0].GetProperty("type").GetString().Should().Be("experiment_concluded");
        (await SeesVariantAsync(slug, 3)).Should().BeFalse("the live site is the published version again until the owner publishes the new one");
    }

    [Fact]
    public async Task Stopping_leaves_the_site_as_it_was_and_every_visitor_sees_the_original_again()
    {
        var (id, slug) = await PublishedSiteAsync();
        var eid = (await (await _owner.PostAsJsonAsync($"/api/v1/projects/{id}/experiments", new { section = "hero", field = "ctaText", variant = Variant }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var served = new List<bool>();
        for (var visitor = 0; visitor < 20; visitor++)
        {
            served.Add(await SeesVariantAsync(slug, visitor));
        }

        var site = (await _owner.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}")).GetProperty("site").GetRawText();
        await using (var inUse = factory.Database.DataSource.CreateCommand(
            $"select count(*), bool_and(navo_file_in_use(p.value)) from navo_experiments e, jsonb_each_text(e.variant_pages) p where e.id = '{eid}'"))
        await using (var reader = await inUse.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            reader.GetInt64(0).Should().BeGreaterThan(0);
            reader.GetBoolean(1).Should().BeTrue("an experiment's pages are files in use: a workspace's erasure or an image's removal elsewhere keeps them");
        }


        var stopped = await _owner.PostAsJsonAsync($"/api/v1/projects/{id}/experiments/{eid}/conclude", new { apply = false });

        stopped.StatusCode.Should().Be(HttpStatusCode.OK);
        var answer = await stopped.Content.ReadFromJsonAsync<JsonElement>();
        answer.GetProperty("experiment").GetProperty("status").GetString().Should().Be("stopped");
        answer.GetProperty("diff").ValueKind.Should().Be(JsonValueKind.Null);
        served.Should().Contain(true).And.Contain(false);
        (await _owner.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}")).GetProperty("site").GetRawText().Should().Be(site);
        for (var visitor = 0; visitor < 20; visitor++)
        {
            (await SeesVariantAsync(slug, visitor)).Should().BeFalse();
        }
    }

    [Fact]
    public async Task In_chat_trying_a_text_against_the_current_button_starts_an_experiment_and_stop_the_test_stops_it()
    {
        var (id, slug) = await PublishedSiteAsync();
        var conversation = (await (await _owner.PostAsJsonAsync("/api/v1/conversations", new { projectId = id })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        async Task<string> SayAsync(string text)
        {
            var reply = await _owner.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text, context = new { projectId = id } });
            reply.StatusCode.Should().Be(HttpStatusCode.OK, await reply.Content.ReadAsStringAsync());
            return (await reply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reply").GetProperty("text").GetString()!;
        }

        var started = await SayAsync($"try '{Variant}' against the current button");

        started.Should().StartWith($"Started an experiment: half your visitors now see '{Variant}' and half '{Original}'");
        var experiment = await ExperimentAsync(id);
        experiment.GetProperty("status").GetString().Should().Be("running");
        experiment.GetProperty("field").GetString().Should().Be("ctaText");
        var arms = new List<bool>();
        for (var visitor = 0; visitor < 20; visitor++)
        {
            arms.Add(await SeesVariantAsync(slug, visitor));
        }

        arms.Should().Contain(true).And.Contain(false);
        (await SayAsync("how did my site do this week?")).Should().EndWith(
            $"Experiment running: '{Variant}' against '{Original}' (button text): not enough data yet — 0 and 0 visitors so far, and each needs at least 100 before Navo says anything.");

        var stopped = await SayAsync("stop the experiment");

        stopped.Should().StartWith($"Stopped the experiment; every visitor sees '{Original}' again");
        (await ExperimentAsync(id)).GetProperty("status").GetString().Should().Be("stopped");
    }

    [Fact]
    public async Task Concluding_with_no_body_before_there_is_enough_data_keeps_the_original()
    {
        var (id, _) = await PublishedSiteAsync();
        var eid = (await (await _owner.PostAsJsonAsync($"/api/v1/projects/{id}/experiments", new { section = "hero", field = "ctaText", variant = Variant }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var site = (await _owner.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}")).GetProperty("site").GetRawText();

        var concluded = await _owner.PostAsync($"/api/v1/projects/{id}/experiments/{eid}/conclude", null);

        concluded.StatusCode.Should().Be(HttpStatusCode.OK, await concluded.Content.ReadAsStringAsync());
        var experiment = (await concluded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("experiment");
        experiment.GetProperty("status").GetString().Should().Be("kept");
        experiment.GetProperty("results").GetProperty("verdict").GetString().Should().Be("not_enough_data");
        (await _owner.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}")).GetProperty("site").GetRawText().Should().Be(site);
    }
}
