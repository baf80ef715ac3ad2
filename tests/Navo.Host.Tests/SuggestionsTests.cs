using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Navo.Host.Suggestions;
using Navo.Tools.Analyze;

namespace Navo.Host.Tests;

/// <summary>Suggestions end to end: listed in chat and over HTTP, applied and dismissed by reply, surfaced daily, counted.</summary>
public sealed class SuggestionsTests(AnalyticsHostFactory factory) : IClassFixture<AnalyticsHostFactory>
{
    private readonly HttpClient _owner = factory.Owner;
    private readonly HttpClient _visitor = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

    /// <summary>A live site whose owner wrote "Learn more" on its main button; <paramref name="operations"/> change it more first.</summary>
    private async Task<(Guid Id, string Slug)> PublishedSiteAsync(HttpClient owner, string description, string operations = "")
    {
        var id = (await (await owner.PostAsJsonAsync("/api/v1/projects", new { description })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var edited = await owner.PostAsync($"/api/v1/projects/{id}/operations", new StringContent(
            $$"""{"operations":[{"op":"set_text","section":"hero","field":"ctaText","value":"Learn more"}{{operations}}]}""", Encoding.UTF8, "application/json"));
        edited.StatusCode.Should().Be(HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        var published = await owner.PostAsync($"/api/v1/projects/{id}/publish", null);
        published.StatusCode.Should().Be(HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        return (id, (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("live").GetProperty("slug").GetString()!);
    }

    private async Task VisitAsync(string slug, int visitors, int clicks)
    {
        for (var visitor = 0; visitor < visitors; visitor++)
        {
            (await AnalyticsTests.SendAsync(_visitor, slug, """{"k":"v","p":"/","w":1280}""", visitor)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        }

        for (var visitor = 0; visitor < clicks; visitor++)
        {
            (await AnalyticsTests.SendAsync(_visitor, slug, """{"k":"c","t":"hero","p":"/","w":1280}""", visitor)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        }

        await factory.Services.GetRequiredService<VisitBuffer>().FlushAsync();
    }

    private static async Task<Guid> ConversationAsync(HttpClient client, Guid projectId) =>
        (await (await client.PostAsJsonAsync("/api/v1/conversations", new { projectId })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

    private static async Task<JsonElement> SayAsync(HttpClient client, Guid conversation, Guid projectId, string text)
    {
        var reply = await client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text, context = new { projectId } });
        reply.StatusCode.Should().Be(HttpStatusCode.OK, await reply.Content.ReadAsStringAsync());
        return (await reply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reply");
    }

    private static async Task<long> VersionAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}")).GetProperty("version").GetInt64();

    private static async Task<List<JsonElement>> SuggestionsAsync(HttpClient client, Guid id) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/suggestions")).GetProperty("suggestions").EnumerateArray()];

    private async Task<string?> StatusAsync(Guid suggestion)
    {
        await using var command = factory.Database.DataSource.CreateCommand($"select status from navo_suggestions where id = '{suggestion}'");
        return (string?)await command.ExecuteScalarAsync();
    }

    [Fact]
    public async Task After_visits_how_can_I_improve_it_lists_suggestions_and_apply_the_first_one_makes_one_version_whose_diff_is_its_operations()
    {
        var (id, slug) = await PublishedSiteAsync(_owner, "Tasca Verde is a restaurant in Lisbon serving grilled fish and vinho verde.");
        await VisitAsync(slug, visitors: 80, clicks: 4);
        var conversation = await ConversationAsync(_owner, id);

        var listed = await SayAsync(_owner, conversation, id, "how can I improve it?");
        var suggestions = await SuggestionsAsync(_owner, id);

        var text = listed.GetProperty("text").GetString()!;
        text.Should().StartWith("80 visitors in the last 30 days").And.Contain("\n1. Change the button \"Learn more\" to ")
            .And.Contain("Your button says \"Learn more\" and 5% of visitors click it.");
        var card = listed.GetProperty("cards").EnumerateArray().Single(c => c.GetProperty("type").GetString() == "suggestions");
        suggestions.Should().NotBeEmpty();
        var first = suggestions[0];
        first.GetProperty("number").GetInt32().Should().Be(1);
        first.GetProperty("kind").GetString().Should().Be("weak_button");
        card.GetProperty("data").GetProperty("items")[0].GetProperty("id").GetGuid().Should().Be(first.GetProperty("id").GetGuid(), "the chat and the API list the same suggestion first");
        var operation = first.GetProperty("operations").EnumerateArray().Should().ContainSingle().Subject;
        operation.GetProperty("op").GetString().Should().Be("set_text");
        operation.GetProperty("field").GetString().Should().Be("ctaText");
        var newText = operation.GetProperty("value").GetString()!;
        var before = await VersionAsync(_owner, id);

        var applied = await SayAsync(_owner, conversation, id, "apply the first one");

        applied.GetProperty("text").GetString().Should().StartWith("Suggestion 1: Change the button");
        var after = await VersionAsync(_owner, id);
        after.Should().Be(before + 1, "one suggestion is one new version");
        var diff = await _owner.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/diff?from={before}&to={after}");
        diff.GetProperty("changes").EnumerateArray().Select(c => c.GetString()).Should().Equal($"The main button now reads “{newText}”");
        var hero = (await _owner.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}")).GetProperty("site").GetProperty("pages")[0].GetProperty("sections")
            .EnumerateArray().First(s => s.GetProperty("id").GetString() == operation.GetProperty("section").GetString());
        hero.GetProperty("fields").GetProperty("ctaText").GetString().Should().Be(newText);
        (await StatusAsync(first.GetProperty("id").GetGuid())).Should().Be("applied");
        (await SuggestionsAsync(_owner, id)).Should().NotContain(s => s.GetProperty("id").GetGuid() == first.GetProperty("id").GetGuid());
        var history = await _owner.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/history");
        history[0].GetProperty("type").GetString().Should().Be("suggestion_applied");

        var report = await _owner.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/analytics?period=7d");
        var rates = report.GetProperty("suggestions");
        rates.GetProperty("applied").GetInt64().Should().Be(1);
        rates.GetProperty("surfaced").GetInt64().Should().Be(suggestions.Count);
        rates.GetProperty("applyRate").GetDouble().Should().Be(Math.Round(1.0 / suggestions.Count, 4));
        rates.GetProperty("kinds").EnumerateArray().Single(k => k.GetProperty("kind").GetString() == "weak_button").GetProperty("applied").GetInt64().Should().Be(1);
    }

    [Fact]
    public async Task A_busy_owner_applies_two_by_reply_and_dismisses_another_and_a_viewer_is_refused()
    {
        var owner = await factory.SignUpAsync();
        var (id, _) = await PublishedSiteAsync(owner, "Forno Bianco is a bakery in Braga baking sourdough and pastéis de nata.",
            """,{"op":"remove_section","section":"contact"}""");
        var conversation = await ConversationAsync(owner, id);
        var listed = await SayAsync(owner, conversation, id, "any suggestions?");
        var shown = listed.GetProperty("cards").EnumerateArray().Single(c => c.GetProperty("type").GetString() == "suggestions")
            .GetProperty("data").GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        shown.Should().HaveCountGreaterThanOrEqualTo(3, "a weak button, no contact section and no prices");
        var before = await VersionAsync(owner, id);

        var both = await SayAsync(owner, conversation, id, "yes 1 and 3 pls");
        var unsure = await SayAsync(owner, conversation, id, "nah not that one");
        var dismissed = await SayAsync(owner, conversation, id, "dismiss 2");

        both.GetProperty("text").GetString().Should().Contain("Suggestion 1: ").And.Contain("Suggestion 3: ");
        (await VersionAsync(owner, id)).Should().Be(before + 3, "two applied suggestions are two versions, and a dismissal is recorded as one more event");
        unsure.GetProperty("text").GetString().Should().StartWith("Which one?");
        dismissed.GetProperty("text").GetString().Should().StartWith("Okay, I won't suggest that again");
        (await StatusAsync(shown[0])).Should().Be("applied");
        (await StatusAsync(shown[2])).Should().Be("applied");
        (await StatusAsync(shown[1])).Should().Be("dismissed");
        var workspace = await owner.GetFromJsonAsync<JsonElement>("/api/v1/workspace/suggestions");
        workspace.GetProperty("applied").GetInt64().Should().Be(2);
        workspace.GetProperty("dismissed").GetInt64().Should().Be(1);

        var viewer = await factory.MemberAsync("viewer", owner);
        var viewerConversation = await ConversationAsync(viewer, id);
        await SayAsync(viewer, viewerConversation, id, "how can I improve it?");
        var refused = await SayAsync(viewer, viewerConversation, id, "do the 2nd");
        refused.GetProperty("text").GetString().Should().NotContain("Suggestion 2:");
        (await VersionAsync(owner, id)).Should().Be(before + 3, "a viewer changes nothing");
    }

    [Fact]
    public async Task The_routes_answer_bad_ids_other_workspaces_and_decided_suggestions_with_problem_details_and_write_nothing()
    {
        var owner = await factory.SignUpAsync();
        var (id, _) = await PublishedSiteAsync(owner, "Casa Sol is a guesthouse in Faro with six rooms.");
        await SayAsync(owner, await ConversationAsync(owner, id), id, "any suggestions?");
        var suggestion = (await SuggestionsAsync(owner, id)).First(s => s.GetProperty("kind").GetString() == "weak_button").GetProperty("id").GetGuid();
        var stranger = await factory.SignUpAsync();
        var viewer = await factory.MemberAsync("viewer", owner);
        var version = await VersionAsync(owner, id);

        var notAnId = await owner.PostAsync($"/api/v1/projects/{id}/suggestions/'%20or%201=1--/apply", null);
        var unknown = await owner.PostAsync($"/api/v1/projects/{id}/suggestions/{Guid.NewGuid()}/apply", null);
        var strangersList = await stranger.GetAsync($"/api/v1/projects/{id}/suggestions");
        var strangersApply = await stranger.PostAsync($"/api/v1/projects/{id}/suggestions/{suggestion}/apply", null);
        var strangersDismiss = await stranger.PostAsync($"/api/v1/projects/{id}/suggestions/{suggestion}/dismiss", null);
        var viewersApply = await viewer.PostAsync($"/api/v1/projects/{id}/suggestions/{suggestion}/apply", null);
        var viewersList = await viewer.GetAsync($"/api/v1/projects/{id}/suggestions");

        foreach (var (response, status) in new[] { (notAnId, HttpStatusCode.BadRequest), (unknown, HttpStatusCode.NotFound), (strangersList, HttpStatusCode.NotFound),
            (strangersApply, HttpStatusCode.NotFound), (strangersDismiss, HttpStatusCode.NotFound) })
        {
            response.StatusCode.Should().Be(status, response.RequestMessage!.RequestUri!.ToString());
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        }

        viewersApply.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        viewersList.StatusCode.Should().Be(HttpStatusCode.OK, "any member may read the suggestions");
        (await VersionAsync(owner, id)).Should().Be(version, "nothing was written");
        (await StatusAsync(suggestion)).Should().Be("open");
        (await stranger.GetFromJsonAsync<JsonElement>("/api/v1/workspace/suggestions")).GetProperty("surfaced").GetInt64().Should().Be(0);

        var applied = await owner.PostAsync($"/api/v1/projects/{id}/suggestions/{suggestion}/apply", null);
        var again = await owner.PostAsync($"/api/v1/projects/{id}/suggestions/{suggestion}/apply", null);
        var dismissAfter = await owner.PostAsync($"/api/v1/projects/{id}/suggestions/{suggestion}/dismiss", null);

        applied.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await applied.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("status").GetString().Should().Be("applied");
        body.GetProperty("version").GetInt64().Should().Be(version + 1);
        body.GetProperty("diff").GetProperty("changes").GetArrayLength().Should().Be(1);
        foreach (var conflict in new[] { again, dismissAfter })
        {
            conflict.StatusCode.Should().Be(HttpStatusCode.Conflict);
            conflict.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        }

        (await VersionAsync(owner, id)).Should().Be(version + 1);
        var audit = (await owner.GetFromJsonAsync<JsonElement>("/api/v1/audit?limit=200")).GetProperty("entries").EnumerateArray()
            .Select(e => $"{e.GetProperty("action").GetString()} {e.GetProperty("outcome").GetString()}").ToList();
        audit.Should().Contain(["suggestion.applied ok", "http.ApplySuggestion denied"]);
    }

    [Fact]
    public async Task The_daily_round_runs_once_a_day_across_hosts_and_posts_the_list_to_the_sites_conversation()
    {
        var owner = await factory.SignUpAsync();
        var (id, _) = await PublishedSiteAsync(owner, "Lume Florals is a florist in Coimbra making bouquets and wedding flowers.");
        var conversation = await ConversationAsync(owner, id);
        var round = factory.Services.GetRequiredService<DailySuggestions>();
        await using (var reset = factory.Database.DataSource.CreateCommand("delete from navo_job_runs"))
        {
            await reset.ExecuteNonQueryAsync();
        }

        // Two hosts looking at the same moment: one runs the round, the other finds it taken or done.
        var rounds = await Task.WhenAll(round.RunAsync(CancellationToken.None), round.RunAsync(CancellationToken.None));
        var later = await round.RunAsync(CancellationToken.None);

        rounds.Count(r => r is > 0).Should().Be(1);
        rounds.Count(r => r is null).Should().Be(1);
        later.Should().BeNull("today's round was done");
        var messages = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{conversation}/messages");
        var posted = messages.EnumerateArray().Should().ContainSingle().Subject.GetProperty("reply");
        posted.GetProperty("text").GetString().Should().StartWith("I have 2 new ideas for your site.").And.Contain("\n1. Change the button \"Learn more\" to \"Order flowers\"");
        posted.GetProperty("cards")[0].GetProperty("type").GetString().Should().Be("suggestions");
        var before = await VersionAsync(owner, id);

        var applied = await SayAsync(owner, conversation, id, "do the 1st");

        applied.GetProperty("text").GetString().Should().StartWith("Suggestion 1: Change the button");
        (await VersionAsync(owner, id)).Should().Be(before + 1);
    }
}
