using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Navo.Host.Tests.Slack;

/// <summary>Where else people talk to Navo in Slack, and how an installation ends.</summary>
public sealed class SlackSurfacesTests(SlackHostFactory factory) : IClassFixture<SlackHostFactory>
{
    private const string Owner = FakeSlackApi.InstallingUser;

    private FakeSlackApi Slack => factory.Slack;

    private Task<long> ActiveInstallationsAsync() => factory.CountAsync("select count(*) from navo_slack_installations where ended_at is null");

    [Fact]
    public async Task An_assistant_thread_gets_suggested_prompts_and_a_status_while_Navo_works()
    {
        await factory.InstallAsync();
        await factory.EventAsync("EvA1", new JsonObject
        {
            ["type"] = "assistant_thread_started",
            ["assistant_thread"] = new JsonObject { ["user_id"] = Owner, ["channel_id"] = "DASSIST", ["thread_ts"] = "1700000020.000100" },
            ["event_ts"] = "1700000020.000100",
        });
        var prompts = (await Slack.WaitForAsync("assistant.threads.setSuggestedPrompts"))[^1];
        prompts.Body["thread_ts"]!.GetValue<string>().Should().Be("1700000020.000100");
        prompts.Body["prompts"]!.AsArray().Count.Should().BeInRange(1, 4);

        var message = SlackHostFactory.DirectMessage(Owner, "what can you do?", "1700000020.000200", "1700000020.000100");
        message["channel"] = "DASSIST";
        var posted = Slack.CallsTo("chat.postMessage").Count;
        await factory.EventAsync("EvA2", message);
        var reply = (await Slack.WaitForAsync("chat.postMessage", posted + 1))[^1];
        reply.Body["thread_ts"]!.GetValue<string>().Should().Be("1700000020.000100");
        Slack.CallsTo("assistant.threads.setStatus").Should().Contain(c => c.Body["thread_ts"]!.GetValue<string>() == "1700000020.000100");
    }

    [Fact]
    public async Task A_mention_in_a_channel_is_answered_in_its_thread_and_navo_commands_start_a_thread()
    {
        await factory.InstallAsync();
        var posted = Slack.CallsTo("chat.postMessage").Count;
        await factory.EventAsync("EvM1", new JsonObject
        {
            ["type"] = "app_mention", ["user"] = Owner, ["text"] = $"<@{FakeSlackApi.BotUserId}> what can you do?", ["ts"] = "1700000030.000100",
            ["channel"] = "CGENERAL", ["event_ts"] = "1700000030.000100",
        });
        var reply = (await Slack.WaitForAsync("chat.postMessage", posted + 1))[^1];
        reply.Body["channel"]!.GetValue<string>().Should().Be("CGENERAL");
        reply.Body["thread_ts"]!.GetValue<string>().Should().Be("1700000030.000100");

        var command = "token=x&team_id=" + FakeSlackApi.TeamId + "&channel_id=CGENERAL&user_id=" + Owner + "&command=%2Fnavo&text=what+can+you+do%3F&trigger_id=trig-cmd-1";
        var ack = await factory.SignedAsync("/api/slack/commands", command, "application/x-www-form-urlencoded");
        ack.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ack.Content.ReadFromJsonAsync<JsonObject>())!["response_type"]!.GetValue<string>().Should().Be("ephemeral");
        var answered = (await Slack.WaitForAsync("chat.postMessage", posted + 2))[^1];
        answered.Body["channel"]!.GetValue<string>().Should().Be("CGENERAL");
        answered.Body.ContainsKey("thread_ts").Should().BeFalse("the answer starts the command's thread");
        (await factory.CountAsync($"select count(*) from navo_slack_threads where thread_ts = '{answered.Body["ts"]}'")).Should().Be(1);
    }

    [Fact]
    public async Task App_uninstalled_ends_the_installation_and_nothing_more_is_posted()
    {
        await factory.InstallAsync();
        (await ActiveInstallationsAsync()).Should().Be(1);
        await factory.EventAsync("EvU1", new JsonObject { ["type"] = "app_uninstalled", ["event_ts"] = "1700000040.000100" });
        for (var i = 0; i < 100 && await ActiveInstallationsAsync() > 0; i++)
        {
            await Task.Delay(100);
        }

        (await ActiveInstallationsAsync()).Should().Be(0);
        var calls = Slack.Calls.Count;
        await factory.EventAsync("EvU2", SlackHostFactory.DirectMessage(Owner, "what can you do?", "1700000040.000200"));
        await Task.Delay(1500);
        Slack.Calls.Count.Should().Be(calls);
    }

    [Fact]
    public async Task A_revoked_token_stops_the_installation()
    {
        await factory.InstallAsync();
        Slack.Errors["chat.postMessage"] = "token_revoked";
        try
        {
            await factory.EventAsync("EvR1", SlackHostFactory.DirectMessage(Owner, "what can you do?", "1700000050.000100"));
            for (var i = 0; i < 100 && await ActiveInstallationsAsync() > 0; i++)
            {
                await Task.Delay(100);
            }

            (await factory.CountAsync("select count(*) from navo_slack_installations where ended_reason = 'token_revoked'")).Should().Be(1);
        }
        finally
        {
            Slack.Errors.Clear();
        }
    }
}
