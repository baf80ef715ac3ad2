using System.Net;
using Navo.Host.Tests.Support;
using Navo.Testing;

namespace Navo.Host.Tests.Slack;

/// <summary>
/// The real host process, killed (kill -9) while the agent works on a Slack turn, and started again on the same data:
/// the durable queue hands the turn to the new process, which finishes it and posts the reply once.
/// </summary>
public sealed class SlackCrashTests : IAsyncLifetime
{
    private readonly HostDataFolder _data = new();
    private FakeSlackApi _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlackApi.StartAsync();

    public async Task DisposeAsync()
    {
        await _slack.DisposeAsync();
        await _data.DisposeAsync();
    }

    private const string Root = "1700000070.000100";

    private const string Request = "build a site for a bakery called Crumb in Bristol";

    private const string Reply = "Your draft of Crumb is ready: have a look.";

    [Fact]
    public async Task A_host_killed_while_the_model_works_on_a_Slack_turn_finishes_the_turn_after_a_restart_and_posts_the_reply_once()
    {
        var email = TestAccounts.NewEmail();
        string progressTs;
        await using (var model = new ReplayServer())
        {
            // The model asks for the draft; when the draft is made (not yet committed) and the model is asked for the
            // reply, it keeps thinking until its host is killed.
            model.When(ChatCompletions.AsksForJson, ChatCompletions.Refusal, 400)
                .HoldWhen(ChatCompletions.CarriesToolResult)
                .Reply(ChatCompletions.Calls("call_1", "generate_site", """{"description":"Crumb is a bakery in Bristol."}"""));
            await using var host = await HostProcess.StartAsync(_data.Path, Arguments(model));
            using var owner = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.Address };
            await owner.SignInAsync(email);
            await SlackHostFactory.InstallAsync(owner);

            using var slack = host.CreateClient();
            var acknowledged = await slack.SendAsync(SlackHostFactory.Signed(
                "/api/slack/events", SlackHostFactory.EventCallback("EvK1", SlackHostFactory.DirectMessage(FakeSlackApi.InstallingUser, Request, Root)), DateTimeOffset.UtcNow));
            acknowledged.StatusCode.Should().Be(HttpStatusCode.OK);

            await model.Held.WaitAsync(TimeSpan.FromSeconds(120));
            // The draft's progress is in the thread; the turn is not finished.
            progressTs = (await _slack.WaitForMessageAsync(m => m["thread_ts"]?.GetValue<string>() == Root))["ts"]!.GetValue<string>();
            await host.KillAsync();
        }

        // Nothing of the turn was written: no message, no reply, no site; the item waits, its one attempt counted.
        (await _data.ScalarAsync("select count(*) from mt_events where type = 'user_message_received' or type = 'assistant_replied' or type like 'site_generated%'"))
            .Should().Be(0);
        (await _data.ScalarAsync("select count(*) from mt_streams where type = 'project_state'")).Should().Be(0);
        (await _data.ScalarAsync("select attempts from navo_slack_queue where dedupe_key = 'event:EvK1' and done_at is null")).Should().Be(1);
        _slack.Thread(Root).Should().ContainSingle().Which["text"]!.GetValue<string>().Should().StartWith("Working on it");

        await using (var model = new ReplayServer())
        {
            model.When(ChatCompletions.AsksForJson, ChatCompletions.Refusal, 400)
                .Reply(ChatCompletions.Calls("call_1", "generate_site", """{"description":"Crumb is a bakery in Bristol."}"""))
                .Reply(ChatCompletions.Says(Reply));
            await using var host = await HostProcess.StartAsync(_data.Path, Arguments(model));
            await _data.WaitForAsync("select count(*) from navo_slack_queue where dedupe_key = 'event:EvK1' and done_at is not null");
            model.Requests.Count(r => !ChatCompletions.AsksForJson(r.Body)).Should().Be(2, "the new process ran the turn: the tool call, then the reply");
            await host.StopAsync();
        }

        (await _data.ScalarAsync("select attempts from navo_slack_queue where dedupe_key = 'event:EvK1' and failed_at is null and error is null")).Should().Be(2);
        (await _data.ScalarAsync("select count(*) from mt_events where type = 'user_message_received'")).Should().Be(1);
        (await _data.ScalarAsync("select count(*) from mt_events where type = 'assistant_replied'")).Should().Be(1);
        (await _data.ScalarAsync("select count(*) from mt_events where type like 'site_generated%'")).Should().Be(1);
        (await _data.ScalarAsync("select count(*) from mt_streams where type = 'project_state'")).Should().Be(1);
        (await _data.ScalarAsync("select count(*) from mt_streams where type = 'conversation_state'")).Should().Be(1, "the thread is still one conversation");

        // One message in the thread, posted once: the progress the killed process posted, which the reply replaced.
        _slack.CallsTo("chat.postMessage").Where(c => c.Body["thread_ts"]?.GetValue<string>() == Root).Should().ContainSingle();
        var reply = _slack.Thread(Root).Should().ContainSingle().Subject;
        reply["ts"]!.GetValue<string>().Should().Be(progressTs);
        reply["text"]!.GetValue<string>().Should().Be(Reply);
        reply["blocks"]!.ToJsonString().Should().Contain("http://navo.test/preview/shared/");
        _slack.CallsTo("conversations.replies").Should().ContainSingle("the second attempt looked for what the first had posted");
    }

    private string[] Arguments(ReplayServer model) =>
    [
        .. ChatCompletions.HostArguments(model),
        "--Navo:Slack:SigningSecret", SlackHostFactory.SigningSecret, "--Navo:Slack:ClientId", "111.222", "--Navo:Slack:ClientSecret", "client-secret",
        "--Navo:Slack:ApiBaseUrl", _slack.BaseUrl, "--Navo:Slack:PublicUrl", "http://navo.test/", "--Navo:Slack:RetryDelay", "00:00:01",
    ];
}
