using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Navo.Channels.Queues;

namespace Navo.Host.Tests.Teams;

/// <summary>The Teams host with a short retry delay and three attempts, so that retries and giving up happen within a test.</summary>
public sealed class RetryingTeamsHostFactory : TeamsHostFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Navo:Teams:RetryDelay", "00:00:01");
        builder.UseSetting("Navo:Teams:MaxAttempts", "3");
        base.ConfigureWebHost(builder);
    }
}

/// <summary>Teams work that keeps failing is tried again with back-off, then set aside with its reason and the person told.</summary>
public sealed class TeamsDeliveryTests(RetryingTeamsHostFactory factory) : IClassFixture<RetryingTeamsHostFactory>
{
    private FakeBotFramework Bot => factory.Bot;

    private static bool IsCard(ConnectorCall call) => call.Activity["attachments"] is not null;

    [Fact]
    public async Task A_message_whose_reply_the_Connector_refuses_every_time_is_tried_three_times_with_back_off_then_set_aside_and_the_person_told()
    {
        // The Connector refuses the reply's card every time (400: not retried by the client); a plain sentence it takes.
        Bot.Refuse = call => call.ActivityId == "p-1" && IsCard(call) ? StatusCodes.Status400BadRequest : null;
        try
        {
            (await factory.SendAsync(factory.Personal("message", "p-1", "what can you do?"))).StatusCode.Should().Be(HttpStatusCode.OK);
            await WaitForAsync($"select count(*) from navo_teams_queue where dedupe_key = '{TeamsHostFactory.PersonalChat}|p-1' and failed_at is not null");
        }
        finally
        {
            Bot.Refuse = null;
        }

        var key = $"'{TeamsHostFactory.PersonalChat}|p-1'";
        (await factory.CountAsync($"select attempts from navo_teams_queue where dedupe_key = {key}")).Should().Be(3);
        (await factory.CountAsync($"select count(*) from navo_teams_queue where dedupe_key = {key} and done_at is not null and error = 'HttpRequestException 400'"))
            .Should().Be(1, "the reason is stored: the Connector's status, no message text");

        var tries = Bot.Calls.Where(c => c.ActivityId == "p-1" && IsCard(c)).ToList();
        tries.Should().HaveCount(3).And.OnlyContain(c => c.Status == StatusCodes.Status400BadRequest);
        (tries[1].At - tries[0].At).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.95), "the second attempt waits the retry delay");
        (tries[2].At - tries[1].At).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1.95), "and the third twice as long");

        // The person is told in a plain sentence, once, in reply to their message, after the give-up is committed; and
        // nothing more is tried.
        var told = (await Bot.WaitForAsync(c => c.ActivityId == "p-1" && !IsCard(c))).Should().ContainSingle().Subject;
        told.Method.Should().Be("POST");
        told.Status.Should().Be(StatusCodes.Status200OK);
        told.Activity["text"]!.GetValue<string>().Should().Be(QueueWords.GaveUp);
        var calls = Bot.Calls.Count;
        await Task.Delay(2500);
        Bot.Calls.Count.Should().Be(calls);
    }

    [Fact]
    public async Task A_message_whose_every_attempt_stopped_its_host_is_set_aside_without_running_again_and_the_person_told()
    {
        // As the queue is left when the host died in each of the three attempts: every attempt counted, no failure recorded.
        var activity = factory.Personal("message", "p-2", "build a site for a bakery called Crumb in Bristol");
        await using (var connection = await factory.Database.DataSource.OpenConnectionAsync())
        {
            await using var insert = new Npgsql.NpgsqlCommand(
                "insert into navo_teams_queue (dedupe_key, kind, service_url, payload, attempts) values ($1, 'message', $2, $3::jsonb, 3)", connection);
            insert.Parameters.Add(new Npgsql.NpgsqlParameter { Value = $"{TeamsHostFactory.PersonalChat}|p-2" });
            insert.Parameters.Add(new Npgsql.NpgsqlParameter { Value = Bot.ServiceUrl });
            insert.Parameters.Add(new Npgsql.NpgsqlParameter { Value = activity.ToJsonString() });
            await insert.ExecuteNonQueryAsync();
        }

        var messages = await factory.CountAsync("select count(*) from mt_events where type = 'user_message_received'");
        await WaitForAsync($"select count(*) from navo_teams_queue where dedupe_key = '{TeamsHostFactory.PersonalChat}|p-2' and failed_at is not null");

        (await factory.CountAsync($"select count(*) from navo_teams_queue where dedupe_key = '{TeamsHostFactory.PersonalChat}|p-2' and error = 'stopped during every attempt'"))
            .Should().Be(1);
        (await factory.CountAsync("select count(*) from mt_events where type = 'user_message_received'")).Should().Be(messages, "the work is not run a fourth time");
        var told = (await Bot.WaitForAsync(c => c.ActivityId == "p-2")).Should().ContainSingle().Subject;
        told.Activity["type"]!.GetValue<string>().Should().Be("message");
        told.Activity["text"]!.GetValue<string>().Should().Be(QueueWords.GaveUp);
        told.Activity["attachments"].Should().BeNull();
    }

    [Fact]
    public async Task A_turn_tried_again_after_its_reply_was_posted_replaces_that_reply_instead_of_posting_a_second()
    {
        await factory.LinkOwnerAsync();
        var key = $"'{TeamsHostFactory.PersonalChat}|p-3'";
        var messages = await factory.CountAsync("select count(*) from mt_events where type = 'user_message_received'");
        // The Connector takes the reply; while it does, the worker's database connection is cut, as when the host loses
        // its database (or stops) just after posting: the item cannot be marked done, and is tried again.
        var cut = 0L;
        Bot.Refuse = call =>
        {
            if (call.ActivityId == "p-3" && call.Method == "POST" && IsCard(call) && Interlocked.Read(ref cut) == 0)
            {
                Interlocked.Exchange(ref cut, CutWorkerConnection());
            }

            return null;
        };
        try
        {
            (await factory.SendAsync(factory.Personal("message", "p-3", "what can you do?"))).StatusCode.Should().Be(HttpStatusCode.OK);
            await WaitForAsync($"select count(*) from navo_teams_queue where dedupe_key = {key} and done_at is not null");
        }
        finally
        {
            Bot.Refuse = null;
        }

        cut.Should().Be(1, "the worker's connection, holding the item, was cut once");
        (await factory.CountAsync($"select attempts from navo_teams_queue where dedupe_key = {key} and failed_at is null")).Should().Be(2);
        (await factory.CountAsync("select count(*) from mt_events where type = 'user_message_received'")).Should().Be(messages + 1, "the turn ran once; the retry answered from its record");
        var posted = Bot.Calls.Where(c => c.ActivityId == "p-3" && IsCard(c)).Should().ContainSingle().Subject;
        posted.Method.Should().Be("POST");
        var recorded = await ReplyRecordedAsync(key);
        var replaced = Bot.Calls.Where(c => c.Method == "PUT" && IsCard(c)).Should().ContainSingle().Subject;
        replaced.ActivityId.Should().Be(recorded, "the retry replaced the reply it had posted, by the id the Connector gave");
        replaced.Activity["attachments"]!.ToJsonString().Should().Be(posted.Activity["attachments"]!.ToJsonString());
    }

    /// <summary>Cuts the database connection of the worker that holds a Teams item (idle in its transaction, waiting on the Connector); how many were cut.</summary>
    private long CutWorkerConnection()
    {
        using var connection = factory.Database.DataSource.OpenConnection();
        using var cut = new Npgsql.NpgsqlCommand(
            """
            select count(pg_terminate_backend(pid)) from pg_stat_activity
            where datname = current_database() and pid <> pg_backend_pid() and state = 'idle in transaction'
              and query like '%navo_teams_queue%for update skip locked%'
            """, connection);
        return (long)cut.ExecuteScalar()!;
    }

    private async Task<string> ReplyRecordedAsync(string key)
    {
        await using var connection = await factory.Database.DataSource.OpenConnectionAsync();
        await using var read = new Npgsql.NpgsqlCommand(
            $"select r.activity_id from navo_teams_replies r join navo_teams_queue q on q.id = r.queue_id where q.dedupe_key = {key}", connection);
        return (string)(await read.ExecuteScalarAsync())!;
    }

    private async Task WaitForAsync(string countSql, int seconds = 60)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (await factory.CountAsync(countSql) == 0)
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException("Still waiting for: " + countSql + " — Connector calls: " + string.Join(", ", Bot.Calls.Select(c => $"{c.Method} {c.ActivityId} {c.Status}")));
            }

            await Task.Delay(100);
        }
    }
}
