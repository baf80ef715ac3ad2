using System.Net;
using System.Text.Json.Nodes;

namespace Navo.Host.Tests.Teams;

/// <summary>
/// Every request to <c>/api/messages</c> is authenticated as the Bot Framework requires before anything is recorded,
/// in every environment the host runs in.
/// </summary>
public abstract class TeamsRequestTests(TeamsHostFactory factory)
{
    private FakeBotFramework Bot => factory.Bot;

    /// <summary>What a request can leave: queued work, events. (The worker answers accepted activities of unlinked people with link tokens meanwhile.)</summary>
    private Task<long> RecordedAsync() => factory.CountAsync("select (select count(*) from navo_teams_queue) + (select count(*) from mt_events)");

    private static async Task ShouldBeRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string because)
    {
        response.StatusCode.Should().Be(status, because);
        var text = await response.Content.ReadAsStringAsync();
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json", because);
        text.Should().NotContain("   at ").And.NotContain("Exception").And.NotContain("IDX", because);
    }

    [Fact]
    public async Task A_token_signed_with_the_test_key_is_accepted_and_the_activity_queued_once()
    {
        var before = await factory.CountAsync("select count(*) from navo_teams_queue");
        var message = factory.Personal("message", "accepted-1", "what can you do?");
        (await factory.SendAsync(message)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await factory.SendAsync(message)).StatusCode.Should().Be(HttpStatusCode.OK, "Teams delivering it again is answered, and queued once");
        (await factory.CountAsync("select count(*) from navo_teams_queue")).Should().Be(before + 1);
    }

    [Fact]
    public async Task Tokens_with_the_wrong_key_audience_or_issuer_expired_unendorsed_or_for_another_service_url_are_refused_with_401_and_leave_nothing()
    {
        // A key the Bot Framework serves, endorsed only for another channel.
        var skype = Bot.Keys.Single(k => k.Kid == "key-skype");
        var before = await RecordedAsync();
        var refusals = new Dictionary<string, string?>
        {
            ["another key under the served key's id"] = Bot.Token(key: TestSigningKey.New("impostor"), kid: Bot.Keys[0].Kid),
            ["a key the Bot Framework does not serve"] = Bot.Token(key: TestSigningKey.New("unknown-key")),
            ["the wrong audience"] = Bot.Token(audience: "some-other-bot"),
            ["the wrong issuer"] = Bot.Token(issuer: "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/"),
            ["expired beyond the five minutes of skew"] = Bot.Token(expires: DateTime.UtcNow.AddMinutes(-6)),
            ["a key not endorsed for msteams"] = Bot.Token(key: skype),
            ["a different serviceUrl"] = Bot.Token(serviceUrl: "https://smba.trafficmanager.net/amer/"),
            ["no serviceurl claim"] = Bot.Token(withServiceUrl: false),
            ["no token"] = null,
            ["not a token"] = "not.a.token",
        };
        foreach (var (why, token) in refusals)
        {
            var response = await factory.SendAsync(factory.Personal("message", "refused-" + why.Length, "build a site for a bakery called Crumb").ToJsonString(), token);
            await ShouldBeRefusedAsync(response, HttpStatusCode.Unauthorized, why);
        }

        var inPast = Bot.Token(expires: DateTime.UtcNow.AddMinutes(-4));
        (await factory.SendAsync(factory.Personal("message", "skew-1", "what can you do?"), inPast)).StatusCode.Should().Be(HttpStatusCode.OK, "within the five minutes of skew");
        (await RecordedAsync()).Should().Be(before + 1, "only the token within the skew was taken");
    }

    [Fact]
    public async Task A_key_rotation_is_picked_up_without_a_restart()
    {
        (await factory.SendAsync(factory.Personal("message", "rotation-0", "what can you do?"))).StatusCode.Should().Be(HttpStatusCode.OK);
        // Unknown key ids fetch the keys at most once a second here (five minutes by default).
        await Task.Delay(1100);
        var fetches = Bot.KeySetFetches;
        var (rotated, before) = Bot.Rotate("key-rotated-" + Guid.NewGuid().ToString("N")[..6]);
        try
        {
            (await factory.SendAsync(factory.Personal("message", "rotation-1", "what can you do?"), Bot.Token(key: rotated))).StatusCode.Should().Be(HttpStatusCode.OK);
            Bot.KeySetFetches.Should().Be(fetches + 1, "the new key id made Navo fetch the keys once");
            (await factory.SendAsync(factory.Personal("message", "rotation-2", "what can you do?"), Bot.Token(key: rotated))).StatusCode.Should().Be(HttpStatusCode.OK);
            Bot.KeySetFetches.Should().Be(fetches + 1, "the keys are cached");
            await ShouldBeRefusedAsync(await factory.SendAsync(factory.Personal("message", "rotation-3", "hi").ToJsonString(), Bot.Token(key: before[0])),
                HttpStatusCode.Unauthorized, "the retired key no longer signs");
        }
        finally
        {
            Bot.Restore(before);
            await Task.Delay(1100);
            (await factory.SendAsync(factory.Personal("message", "rotation-4", "hi"))).StatusCode.Should().Be(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task Hostile_requests_get_a_4xx_with_problem_details_and_no_stack_trace_and_record_nothing()
    {
        var before = await RecordedAsync();
        var token = Bot.Token();
        var missingIds = factory.Personal("message", "x", "hi");
        missingIds.Remove("id");
        var answers = new Dictionary<string, HttpResponseMessage>
        {
            ["unreadable JSON"] = await factory.SendAsync("{\"type\": \"message\", \"serviceUrl\": ", token),
            ["an array"] = await factory.SendAsync("[1, 2]", token),
            ["no id"] = await factory.SendAsync(missingIds, token),
            ["too large"] = await factory.SendAsync(new JsonObject { ["type"] = "message", ["text"] = new string('a', 200 * 1024), ["serviceUrl"] = Bot.ServiceUrl, ["channelId"] = "msteams" }, token),
            ["too deep"] = await factory.SendAsync(new string('[', 500) + new string(']', 500), token),
            ["too large and unsigned"] = await factory.SendAsync(new string('x', 300 * 1024), null),
        };
        foreach (var (why, answer) in answers)
        {
            ((int)answer.StatusCode).Should().BeInRange(400, 499, why);
            var text = await answer.Content.ReadAsStringAsync();
            if (text.Length > 0)
            {
                answer.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json", why);
            }

            text.Should().NotContain("   at ").And.NotContain("Exception");
        }

        (await RecordedAsync()).Should().Be(before);
    }

    [Fact]
    public async Task An_invoke_Navo_does_not_offer_is_answered_501_and_other_activities_200()
    {
        var invoke = factory.Personal("invoke", "task-1");
        invoke["name"] = "task/fetch";
        (await factory.SendAsync(invoke)).StatusCode.Should().Be(HttpStatusCode.NotImplemented);
        (await factory.SendAsync(factory.Personal("typing", "typing-1"))).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}

public sealed class TeamsRequestInTestingTests(TeamsHostFactory factory) : TeamsRequestTests(factory), IClassFixture<TeamsHostFactory>;

public sealed class TeamsRequestInDevelopmentTests(DevelopmentTeamsHostFactory factory) : TeamsRequestTests(factory), IClassFixture<DevelopmentTeamsHostFactory>;

public sealed class TeamsRequestInProductionTests(ProductionTeamsHostFactory factory) : TeamsRequestTests(factory), IClassFixture<ProductionTeamsHostFactory>;
