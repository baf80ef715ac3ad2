using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Navo.Host.Tests.Slack;

/// <summary>
/// Every request to Slack's endpoints is verified before anything is read or recorded, in every environment the host
/// runs in (Development answered bad JSON with 500 once where the tests' environment saw 400).
/// </summary>
public abstract class SlackRequestTests(SlackHostFactory factory)
{
    private sealed record Vector(string Secret, string Timestamp, string Body, string Signature, bool Valid);

    private static IReadOnlyList<Vector> Vectors() =>
        JsonSerializer.Deserialize<List<Vector>>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Slack", "slack_signature_vectors.json")),
            new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    private async Task<HttpResponseMessage> PostAsync(string path, string body, string? timestamp, string? signature, string contentType = "application/x-www-form-urlencoded")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        if (timestamp is not null)
        {
            request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        }

        if (signature is not null)
        {
            request.Headers.Add("X-Slack-Signature", signature);
        }

        return await factory.CreateClient().SendAsync(request);
    }

    private Task<long> RecordedAsync() => factory.CountAsync("select (select count(*) from navo_slack_queue) + (select count(*) from mt_events)");

    [Fact]
    public async Task Slacks_signature_vectors_are_accepted_or_refused_as_Slack_says_with_the_clock_pinned()
    {
        foreach (var vector in Vectors())
        {
            vector.Secret.Should().Be(SlackHostFactory.SigningSecret);
            factory.Time.Pinned = DateTimeOffset.FromUnixTimeSeconds(1531420618);
            long before;
            HttpResponseMessage response;
            try
            {
                before = await RecordedAsync();
                response = await PostAsync("/api/slack/commands", vector.Body, vector.Timestamp, vector.Signature);
            }
            finally
            {
                factory.Time.Pinned = null;
            }

            if (vector.Valid)
            {
                response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
                (await RecordedAsync()).Should().Be(before + 1, "the command is queued");
            }
            else
            {
                response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
                response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
                (await RecordedAsync()).Should().Be(before, "a refused request records nothing");
            }
        }
    }

    [Fact]
    public async Task A_correctly_signed_request_older_than_five_minutes_is_refused_and_records_nothing()
    {
        var vector = Vectors()[0];
        var before = await RecordedAsync();
        factory.Time.Pinned = DateTimeOffset.FromUnixTimeSeconds(1531420618).AddMinutes(5).AddSeconds(1);
        try
        {
            (await PostAsync("/api/slack/commands", vector.Body, vector.Timestamp, vector.Signature)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }
        finally
        {
            factory.Time.Pinned = null;
        }

        (await RecordedAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Url_verification_is_answered_with_its_challenge()
    {
        var body = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Slack", "slack_url_verification.json"));
        var response = await factory.SignedAsync("/api/slack/events", body);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["challenge"]!.GetValue<string>().Should().Be("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    [Fact]
    public async Task The_events_endpoint_answers_within_three_seconds_while_Slacks_Web_API_takes_ten()
    {
        await factory.InstallAsync();
        factory.Slack.Delay = TimeSpan.FromSeconds(10);
        try
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            var response = await factory.EventAsync("EvSlow1", SlackHostFactory.DirectMessage(FakeSlackApi.InstallingUser, "build a site for a bakery called Crumb in Bristol", "1700000009.000100"));
            started.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(3));
            response.StatusCode.Should().Be(HttpStatusCode.OK);

            // The reply still arrives, once the slow Web API answers.
            var posted = await factory.Slack.WaitForAsync("chat.postMessage", seconds: 60);
            posted.Should().ContainSingle(c => c.Body["thread_ts"]!.GetValue<string>() == "1700000009.000100");
        }
        finally
        {
            // The turn finishes before the next test of this host counts what is recorded.
            factory.Slack.Delay = TimeSpan.Zero;
            for (var i = 0; i < 600 && await factory.CountAsync("select count(*) from navo_slack_queue where done_at is null") > 0; i++)
            {
                await Task.Delay(100);
            }
        }
    }

    [Theory]
    [InlineData("/api/slack/events")]
    [InlineData("/api/slack/interactions")]
    [InlineData("/api/slack/commands")]
    public async Task Hostile_requests_get_a_4xx_with_problem_details_and_no_stack_trace(string path)
    {
        var before = await RecordedAsync();
        var answers = new List<HttpResponseMessage>
        {
            await PostAsync(path, "{}", null, null),
            await PostAsync(path, "{}", "1531420618", null),
            await PostAsync(path, "{}", "not a number", "v0=00"),
            await PostAsync(path, new string('a', 300 * 1024), null, null),
            await factory.SignedAsync(path, "{\"type\": \"event_callback\", \"event\": "),
            await factory.SignedAsync(path, "payload=%7B%22type%22", "application/x-www-form-urlencoded"),
            await factory.SignedAsync(path, new string('x', 70 * 1024)),
        };

        foreach (var answer in answers)
        {
            ((int)answer.StatusCode).Should().BeInRange(400, 499);
            var text = await answer.Content.ReadAsStringAsync();
            if (text.Length > 0)
            {
                answer.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            }

            text.Should().NotContain("   at ").And.NotContain("Exception");
        }

        (await RecordedAsync()).Should().Be(before);
    }
}

public sealed class SlackRequestInTestingTests(SlackHostFactory factory) : SlackRequestTests(factory), IClassFixture<SlackHostFactory>;

public sealed class SlackRequestInDevelopmentTests(DevelopmentSlackHostFactory factory) : SlackRequestTests(factory), IClassFixture<DevelopmentSlackHostFactory>;

public sealed class SlackRequestInProductionTests(ProductionSlackHostFactory factory) : SlackRequestTests(factory), IClassFixture<ProductionSlackHostFactory>;
