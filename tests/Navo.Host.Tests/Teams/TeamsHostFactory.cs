using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Navo.Host.Tests.Support;
using Npgsql;

namespace Navo.Host.Tests.Teams;

/// <summary>The host with Teams on, the Bot Framework played by <see cref="FakeBotFramework"/>; helpers to send authenticated activities.</summary>
public class TeamsHostFactory : NavoHostFactory
{
    public const string AadTenant = "56653e9d-2158-46ee-90d7-675c39642038";
    public const string BotId = "28:aabdbd62-bc97-4afb-83ee-575594577de5";
    public const string OwnerAad = "c5e99701-2a32-49c1-a660-4629ceeb8c61";
    public const string PersonalChat = "a:17vxw6pGQOb3Zfh8acXT8m_PqHycYpaFgzu2mFMUfkT-h0UskMctq5ZPPc7FIQxn2bx7rBSm5yE_HeUXsCcKZBrv77RgorB3_1_pAdvMhi39ClxQgawzyQ9GBFkdiwOxT";

    public FakeBotFramework Bot { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Bot = await FakeBotFramework.StartAsync();
        await base.InitializeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Navo:Teams:AppId", FakeBotFramework.AppId);
        builder.UseSetting("Navo:Teams:AppPassword", FakeBotFramework.AppPassword);
        builder.UseSetting("Navo:Teams:OpenIdMetadataUrl", Bot.MetadataUrl);
        builder.UseSetting("Navo:Teams:TokenUrl", Bot.TokenUrl);
        builder.UseSetting("Navo:Teams:PublicUrl", "http://navo.test/");
        builder.UseSetting("Navo:Teams:KeyRefreshInterval", "00:00:01");
        // Tests run the daily suggestions round when they mean to.
        builder.UseSetting("Navo:Teams:DailySuggestionsEvery", "00:00:00");
        base.ConfigureWebHost(builder);
    }

    /// <summary>Posts <paramref name="activity"/> to <c>/api/messages</c> with <paramref name="token"/> (by default a valid one for its service URL).</summary>
    public Task<HttpResponseMessage> SendAsync(JsonObject activity, string? token = null) => SendAsync(activity.ToJsonString(), token ?? Bot.Token());

    public Task<HttpResponseMessage> SendAsync(string body, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return CreateClient().SendAsync(request);
    }

    /// <summary>An activity of the personal chat between the owner's Teams account and Navo.</summary>
    public JsonObject Personal(string type, string id, string? text = null)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = id,
            ["timestamp"] = DateTime.UtcNow.ToString("O"),
            ["channelId"] = "msteams",
            ["serviceUrl"] = Bot.ServiceUrl,
            ["from"] = new JsonObject { ["id"] = "29:1uMVvhoAyfTqdMsyvHL0qlJTTfQF9MOUSI8", ["name"] = "Rido", ["aadObjectId"] = OwnerAad },
            ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = AadTenant, ["id"] = PersonalChat },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "Navo" },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = AadTenant } },
        };
        if (text is not null)
        {
            activity["text"] = text;
            activity["textFormat"] = "plain";
        }

        return activity;
    }

    /// <summary>Navo added to the personal chat.</summary>
    public JsonObject Added(string id)
    {
        var activity = Personal("conversationUpdate", id);
        activity["membersAdded"] = new JsonArray { new JsonObject { ["id"] = BotId }, new JsonObject { ["id"] = "29:1uMVvhoAyfTqdMsyvHL0qlJTTfQF9MOUSI8", ["aadObjectId"] = OwnerAad } };
        return activity;
    }

    /// <summary>The <c>adaptiveCard/action</c> invoke Teams sends when a card's <c>Action.Execute</c> is pressed.</summary>
    public JsonObject Execute(string id, JsonObject action, string replyToId)
    {
        var activity = Personal("invoke", id);
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = replyToId;
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["title"] = action["title"]!.GetValue<string>(), ["verb"] = action["verb"]!.GetValue<string>(), ["data"] = action["data"]!.DeepClone() },
            ["trigger"] = "manual",
        };
        return activity;
    }

    /// <summary>Navo added to the owner's personal chat, and the owner confirming the link it offers.</summary>
    public async Task LinkOwnerAsync()
    {
        var id = "f:added-" + Guid.NewGuid().ToString("N");
        (await SendAsync(Added(id))).EnsureSuccessStatusCode();
        var welcome = (await Bot.WaitForAsync(c => c.Activity.ToJsonString().Contains("link/teams?token=", StringComparison.Ordinal)))[^1];
        var link = welcome.Activity["attachments"]![0]!["content"]!["actions"]![0]!["url"]!.GetValue<string>();
        var token = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(link).Query)["token"].ToString();
        (await Owner.PostAsync("/api/v1/channels/link", System.Net.Http.Json.JsonContent.Create(new { token }))).EnsureSuccessStatusCode();
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>Waits until the queue has nothing left to do, and a little more for replies on their way.</summary>
    public async Task WaitForQueueAsync()
    {
        for (var i = 0; i < 200 && await CountAsync("select count(*) from navo_teams_queue where done_at is null") > 0; i++)
        {
            await Task.Delay(100);
        }

        await Task.Delay(500);
    }
}

/// <summary>The Teams host in Development, as <c>./build.sh run</c> starts it.</summary>
public sealed class DevelopmentTeamsHostFactory : TeamsHostFactory
{
    protected override string EnvironmentName => "Development";
}

/// <summary>The Teams host in Production, as a server runs it.</summary>
public sealed class ProductionTeamsHostFactory : TeamsHostFactory
{
    protected override string EnvironmentName => "Production";
}
