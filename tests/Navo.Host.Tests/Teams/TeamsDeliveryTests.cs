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
