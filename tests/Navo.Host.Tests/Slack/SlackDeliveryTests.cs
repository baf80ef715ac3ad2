using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Navo.Channels.Slack;

namespace Navo.Host.Tests.Slack;

/// <summary>The Slack host with a short retry delay and three attempts, so that retries and giving up happen within a test.</summary>
public sealed class RetryingSlackHostFactory : SlackHostFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Navo:Slack:RetryDelay", "00:00:01");
        builder.UseSetting("Navo:Slack:MaxAttempts", "3");
        base.ConfigureWebHost(builder);
    }
}

/// <summary>What Navo posts arrives once, even when Slack fails after posting; work that fails every time stops.</summary>
public sealed class SlackDeliveryTests(RetryingSlackHostFactory factory) : IClassFixture<RetryingSlackHostFactory>
{
    private const string Owner = FakeSlackApi.InstallingUser;

    private FakeSlackApi Slack => factory.Slack;

    [Fact]
    public async Task A_reply_whose_answer_from_Slack_was_lost_after_posting_is_found_and_not_posted_again()
    {
        await factory.InstallAsync();
        const string root = "1700000060.000100";
        var lost = 0;
        // Slack posts the reply, then its answer is lost (HTTP 500): the item fails after the message is in the thread.
        Slack.LoseAnswer = (method, body) => method == "chat.postMessage" && body["thread_ts"]?.GetValue<string>() == root && Interlocked.Increment(ref lost) == 1;
        try
        {
            await factory.EventAsync("EvL1", SlackHostFactory.DirectMessage(Owner, "what can you do?", root));
            await WaitForAsync($"select count(*) from navo_slack_queue where dedupe_key = 'event:EvL1' and done_at is not null");
        }
        finally
        {
            Slack.LoseAnswer = null;
        }

        lost.Should().Be(1, "the post was made once, and its answer lost");
        (await factory.CountAsync("select attempts from navo_slack_queue where dedupe_key = 'event:EvL1' and failed_at is null and error is null"))
            .Should().Be(2, "the lost answer failed the first attempt, and the second did the rest");
        var lookUp = Slack.CallsTo("conversations.replies").Where(c => c.Body["ts"]?.GetValue<string>() == root).Should().ContainSingle().Subject;
        lookUp.Body["include_all_metadata"]!.GetValue<string>().Should().Be("true");

        // One message in the thread, updated in place with the reply, never posted twice.
        var thread = Slack.Thread(root);
        thread.Should().ContainSingle();
        Slack.CallsTo("chat.postMessage").Where(c => c.Body["thread_ts"]?.GetValue<string>() == root).Should().ContainSingle();
        Slack.CallsTo("chat.update").Should().Contain(c => c.Body["ts"]!.GetValue<string>() == thread[0]["ts"]!.GetValue<string>());
        thread[0]["metadata"]!["event_payload"]!["work"]!.GetValue<string>().Should()
            .Be((await factory.CountAsync("select id from navo_slack_queue where dedupe_key = 'event:EvL1'")).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_first_attempt_posts_without_reading_the_thread_back()
    {
        await factory.InstallAsync();
        const string root = "1700000061.000100";
        await factory.EventAsync("EvL2", SlackHostFactory.DirectMessage(Owner, "what can you do?", root));
        await WaitForAsync("select count(*) from navo_slack_queue where dedupe_key = 'event:EvL2' and done_at is not null");
        Slack.Thread(root).Should().ContainSingle();
        Slack.CallsTo("conversations.replies").Where(c => c.Body["ts"]?.GetValue<string>() == root).Should().BeEmpty();
    }

    [Fact]
    public async Task Work_that_fails_every_time_is_tried_three_times_with_back_off_then_given_up_with_its_reason_and_the_person_told()
    {
        await factory.InstallAsync();
        const string root = "1700000062.000100";
        // Slack refuses the reply's blocks every time; a plain sentence it takes.
        Slack.Refuse = (method, body) => method == "chat.postMessage" && body["thread_ts"]?.GetValue<string>() == root && body["blocks"] is not null ? "invalid_blocks" : null;
        try
        {
            await factory.EventAsync("EvP1", SlackHostFactory.DirectMessage(Owner, "what can you do?", root));
            await WaitForAsync("select count(*) from navo_slack_queue where dedupe_key = 'event:EvP1' and failed_at is not null", seconds: 60);
        }
        finally
        {
            Slack.Refuse = null;
        }

        (await factory.CountAsync("select attempts from navo_slack_queue where dedupe_key = 'event:EvP1'")).Should().Be(3);
        (await factory.CountAsync("select count(*) from navo_slack_queue where dedupe_key = 'event:EvP1' and done_at is not null and error = 'chat.postMessage answered invalid_blocks'"))
            .Should().Be(1, "the reason is stored: Slack's method and error code, no message text");

        var tries = Slack.CallsTo("chat.postMessage").Where(c => c.Body["thread_ts"]?.GetValue<string>() == root && c.Body["blocks"] is not null).ToList();
        tries.Should().HaveCount(3);
        (tries[1].At - tries[0].At).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.95), "the second attempt waits the retry delay");
        (tries[2].At - tries[1].At).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1.95), "and the third twice as long");

        // The person is told in a plain sentence, once, where they asked, after the give-up is committed; and nothing more
        // is tried.
        await Slack.WaitForMessageAsync(m => m["thread_ts"]?.GetValue<string>() == root);
        var told = Slack.Thread(root).Should().ContainSingle().Subject;
        told["text"]!.GetValue<string>().Should().Be(SlackTurns.GaveUpText);
        var calls = Slack.Calls.Count;
        await Task.Delay(2500);
        Slack.Calls.Count.Should().Be(calls);
    }

    [Fact]
    public async Task Work_whose_every_attempt_stopped_its_host_is_given_up_without_running_again_and_the_person_told()
    {
        await factory.InstallAsync();
        const string root = "1700000063.000100";
        // As the queue is left when the host died in each of the three attempts: every attempt counted, no failure recorded.
        var envelope = new JsonObject
        {
            ["team_id"] = FakeSlackApi.TeamId, ["type"] = "event_callback", ["event_id"] = "EvC1",
            ["event"] = SlackHostFactory.DirectMessage(Owner, "build a site for a bakery called Crumb in Bristol", root),
        };
        await using (var connection = await factory.Database.DataSource.OpenConnectionAsync())
        {
            await using var insert = new Npgsql.NpgsqlCommand(
                "insert into navo_slack_queue (dedupe_key, kind, team_id, payload, attempts) values ('event:EvC1', 'event', $1, $2::jsonb, 3)", connection);
            insert.Parameters.Add(new Npgsql.NpgsqlParameter { Value = FakeSlackApi.TeamId });
            insert.Parameters.Add(new Npgsql.NpgsqlParameter { Value = envelope.ToJsonString() });
            await insert.ExecuteNonQueryAsync();
        }

        var conversations = await factory.CountAsync("select count(*) from mt_events where type = 'user_message_received'");
        await WaitForAsync("select count(*) from navo_slack_queue where dedupe_key = 'event:EvC1' and failed_at is not null");

        (await factory.CountAsync("select count(*) from navo_slack_queue where dedupe_key = 'event:EvC1' and error = 'stopped during every attempt'")).Should().Be(1);
        (await factory.CountAsync("select count(*) from mt_events where type = 'user_message_received'")).Should().Be(conversations, "the work is not run a fourth time");
        await Slack.WaitForMessageAsync(m => m["thread_ts"]?.GetValue<string>() == root);
        Slack.Thread(root).Should().ContainSingle().Which["text"]!.GetValue<string>().Should().Be(SlackTurns.GaveUpText);
    }

    private async Task WaitForAsync(string countSql, int seconds = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (await factory.CountAsync(countSql) == 0)
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException("Still waiting for: " + countSql + " — Slack calls: " + string.Join(", ", Slack.Calls.Select(c => c.Method)));
            }

            await Task.Delay(100);
        }
    }
}
