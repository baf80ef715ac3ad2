using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Navo.Host.Tests.Support;
using Navo.Tools.Analyze;

namespace Navo.Host.Tests;

/// <summary>A host whose beacon endpoint takes every test's visitors from one address.</summary>
public sealed class AnalyticsHostFactory : NavoHostFactory
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Navo:Analytics:EventsPerMinutePerAddress", "100000");
    }
}

/// <summary>Cookie-free analytics end to end: the beacon in live pages, its endpoint, the analytics API and the chat.</summary>
public sealed class AnalyticsTests(AnalyticsHostFactory factory) : IClassFixture<AnalyticsHostFactory>
{
    private readonly HttpClient _owner = factory.Owner;

    /// <summary>A visitor's browser: no cookies kept or sent, so any Set-Cookie would show in the responses.</summary>
    private readonly HttpClient _visitor = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

    internal static string Browser(int visitor) => $"Mozilla/5.0 (X11; Linux x86_64; visitor {visitor}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36";

    private async Task<(Guid Id, string Slug)> PublishedSiteAsync(string description)
    {
        var id = (await (await _owner.PostAsJsonAsync("/api/v1/projects", new { description })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var published = await _owner.PostAsync($"/api/v1/projects/{id}/publish", null);
        published.StatusCode.Should().Be(HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        return (id, (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("live").GetProperty("slug").GetString()!);
    }

    internal static async Task<HttpResponseMessage> SendAsync(HttpClient client, string slug, string json, int visitor, string mediaType = "text/plain")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/s/{slug}/_navo/event") { Content = new StringContent(json, Encoding.UTF8, mediaType) };
        request.Headers.TryAddWithoutValidation("User-Agent", Browser(visitor));
        return await client.SendAsync(request);
    }

    private async Task<HttpResponseMessage> SendFormAsync(string slug, int visitor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/s/{slug}/_navo/form")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = $"Visitor {visitor}", ["email"] = $"v{visitor}@example.com", ["message"] = "Do you have a table for two on Friday?" }),
        };
        request.Headers.TryAddWithoutValidation("User-Agent", Browser(visitor));
        request.Headers.Referrer = new Uri($"http://localhost/s/{slug}/");
        return await _visitor.SendAsync(request);
    }

    private Task FlushAsync() => factory.Services.GetRequiredService<VisitBuffer>().FlushAsync();

    private async Task<JsonElement> AnalyticsAsync(HttpClient client, Guid id, string period = "7d")
    {
        var response = await client.GetAsync($"/api/v1/projects/{id}/analytics?period={period}");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<string> AskAsync(HttpClient client, Guid projectId, string text) =>
        (await ReplyAsync(client, projectId, text)).GetProperty("text").GetString()!;

    private static async Task<JsonElement> ReplyAsync(HttpClient client, Guid projectId, string text)
    {
        var conversation = (await (await client.PostAsJsonAsync("/api/v1/conversations", new { projectId })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var reply = await client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text, context = new { projectId } });
        reply.StatusCode.Should().Be(HttpStatusCode.OK, await reply.Content.ReadAsStringAsync());
        return (await reply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reply");
    }

    [Fact]
    public async Task Live_pages_load_the_beacon_their_policy_allows_exactly_it_previews_do_not_and_nothing_sets_a_cookie()
    {
        var (id, slug) = await PublishedSiteAsync("Casa Lume is a restaurant in Braga serving grilled fish.");

        var page = await _visitor.GetAsync($"/s/{slug}/");
        var script = await _visitor.GetAsync($"/s/{slug}/_navo/a.js");
        var sent = await SendAsync(_visitor, slug, """{"k":"v","p":"/","w":1280}""", 1);
        var version = (await _owner.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}")).GetProperty("version").GetInt64();
        var preview = await _owner.GetStringAsync($"/preview/{id}/v/{version}/");

        (await page.Content.ReadAsStringAsync()).Should().Contain("<script src=\"_navo/a.js\" defer></script>");
        preview.Should().NotContain("<script", "previews carry no beacon");
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        policy.Should().StartWith("default-src 'none';")
            .And.Contain($"script-src http://localhost/s/{slug}/_navo/a.js;")
            .And.Contain($"connect-src http://localhost/s/{slug}/_navo/event;");
        policy.Split(';').Where(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)).Should().ContainSingle()
            .Which.Trim().Split(' ').Should().HaveCount(2, "the policy allows the beacon and nothing else");
        script.StatusCode.Should().Be(HttpStatusCode.OK);
        script.Content.Headers.ContentType!.MediaType.Should().Be("text/javascript");
        var beacon = await script.Content.ReadAsByteArrayAsync();
        beacon.Length.Should().BeLessThan(1024);
        Encoding.UTF8.GetString(beacon).Should().Contain("sendBeacon").And.Contain("_navo/event")
            .And.NotContainAny(".cookie", "localStorage", "sessionStorage", "indexedDB");
        sent.StatusCode.Should().Be(HttpStatusCode.Accepted);
        foreach (var response in new[] { page, script, sent })
        {
            response.Headers.Contains("Set-Cookie").Should().BeFalse(response.RequestMessage!.RequestUri!.ToString());
        }
    }

    [Fact]
    public async Task On_the_sites_own_host_the_policy_names_that_host_and_the_beacon_is_counted_there()
    {
        var (id, slug) = await PublishedSiteAsync("Mar Alto is a restaurant in Nazaré serving seafood.");
        using var home = new HttpRequestMessage(HttpMethod.Get, "/");
        home.Headers.Host = $"{slug}.navo.test";
        using var sent = new HttpRequestMessage(HttpMethod.Post, "/_navo/event") { Content = new StringContent("""{"k":"v","p":"/"}""", Encoding.UTF8, "text/plain") };
        sent.Headers.Host = $"{slug}.navo.test";
        sent.Headers.TryAddWithoutValidation("User-Agent", Browser(1));

        var page = await _visitor.SendAsync(home);
        var accepted = await _visitor.SendAsync(sent);
        await FlushAsync();

        page.Headers.GetValues("Content-Security-Policy").Single()
            .Should().Contain($"script-src http://{slug}.navo.test/_navo/a.js;").And.Contain($"connect-src http://{slug}.navo.test/_navo/event;");
        accepted.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await AnalyticsAsync(_owner, id)).GetProperty("pageviews").GetInt64().Should().Be(1);
    }

    [Fact]
    public async Task Two_hundred_visitors_24_clicks_and_6_forms_are_reported_exactly_in_the_api_and_in_chat()
    {
        var (id, slug) = await PublishedSiteAsync("Tasca do Rio is a restaurant in Porto serving petiscos and wine.");
        var statuses = new List<HttpStatusCode>();
        for (var visitor = 0; visitor < 200; visitor++)
        {
            var referrer = visitor % 4 == 0 ? ",\"r\":\"www.google.com\"" : string.Empty;
            statuses.Add((await SendAsync(_visitor, slug, $$"""{"k":"v","p":"/","w":{{(visitor % 2 == 0 ? 1280 : 390)}}{{referrer}}}""", visitor)).StatusCode);
        }

        for (var visitor = 0; visitor < 24; visitor++)
        {
            var section = visitor < 12 ? "hero" : "cta";
            statuses.Add((await SendAsync(_visitor, slug, $$"""{"k":"c","t":"{{section}}","p":"/","w":1280}""", visitor)).StatusCode);
        }

        for (var visitor = 0; visitor < 6; visitor++)
        {
            statuses.Add((await SendFormAsync(slug, visitor)).StatusCode);
        }

        // Robots and headless browsers are taken (202, so they learn nothing) and counted apart.
        foreach (var robotAgent in new[] { "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/142.0.0.0" })
        {
            using var robot = new HttpRequestMessage(HttpMethod.Post, $"/s/{slug}/_navo/event") { Content = new StringContent("""{"k":"v","p":"/"}""", Encoding.UTF8, "text/plain") };
            robot.Headers.TryAddWithoutValidation("User-Agent", robotAgent);
            statuses.Add((await _visitor.SendAsync(robot)).StatusCode);
        }

        await FlushAsync();
        var report = await AnalyticsAsync(_owner, id);

        statuses.Should().OnlyContain(s => s == HttpStatusCode.Accepted || s == HttpStatusCode.OK);
        report.GetProperty("visitors").GetInt64().Should().Be(200);
        report.GetProperty("pageviews").GetInt64().Should().Be(200);
        report.GetProperty("ctaClicks").GetInt64().Should().Be(24);
        report.GetProperty("ctaClickRate").GetDouble().Should().Be(0.12);
        report.GetProperty("formSubmissions").GetInt64().Should().Be(6);
        report.GetProperty("conversionRate").GetDouble().Should().Be(0.03);
        report.GetProperty("previous").GetProperty("visitors").GetInt64().Should().Be(0);
        var daily = report.GetProperty("daily").EnumerateArray().ToList();
        daily.Should().HaveCount(7);
        daily[^1].GetProperty("date").GetString().Should().Be(DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd"));
        daily[^1].GetProperty("visitors").GetInt64().Should().Be(200);
        daily.Take(6).Should().OnlyContain(d => d.GetProperty("pageviews").GetInt64() == 0);
        var pages = report.GetProperty("pages").EnumerateArray().ToList();
        pages.Should().ContainSingle().Which.GetProperty("path").GetString().Should().Be("/");
        pages[0].GetProperty("pageviews").GetInt64().Should().Be(200);
        report.GetProperty("referrers").EnumerateArray().Select(r => (r.GetProperty("host").GetString(), r.GetProperty("visitors").GetInt64()))
            .Should().Equal((null, 150L), ("www.google.com", 50L));
        await using (var robots = factory.Database.DataSource.CreateCommand($"select hits from navo_analytics_robots where project_id = '{id}'"))
        {
            ((long)(await robots.ExecuteScalarAsync())!).Should().Be(2);
        }

        report.GetProperty("devices").EnumerateArray().Select(d => (d.GetProperty("device").GetString(), d.GetProperty("visitors").GetInt64()))
            .Should().BeEquivalentTo([("desktop", 100L), ("mobile", 100L)]);

        var reply = await ReplyAsync(_owner, id, "how did my site do this week?");
        var answer = reply.GetProperty("text").GetString()!;
        var card = reply.GetProperty("cards").EnumerateArray().Should().ContainSingle(c => c.GetProperty("type").GetString() == "analytics").Which.GetProperty("data");
        card.GetProperty("projectId").GetGuid().Should().Be(id);
        card.GetProperty("period").GetString().Should().Be("7d");
        var chart = await _owner.GetAsync($"/api/v1/projects/{id}/analytics/chart?period=7d");
        chart.Content.Headers.ContentType!.MediaType.Should().Be("image/svg+xml");
        var svg = System.Xml.Linq.XElement.Parse(await chart.Content.ReadAsStringAsync());
        svg.Attribute("role")!.Value.Should().Be("img");
        svg.Elements().First().Value.Should().Be("Visitors a day to Tasca do Rio, the last 7 days");
        svg.Elements().ElementAt(1).Value.Should().StartWith("200 visitors the last 7 days").And.EndWith($"{DateTime.UtcNow.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture)} 200.");
        answer.Should().StartWith("200 visitors this week").And.Contain("200 page views")
            .And.Contain("12% clicked a main button (24 clicks)").And.Contain("3% sent the contact form (6 messages)");
        // The figures come first, in their own paragraph; the suggestions the report proposes follow, numbered.
        answer.Split("\n\n")[0].Split(". ").Should().HaveCountLessThanOrEqualTo(2, "the figures in one or two sentences");

        var viewer = await factory.MemberAsync("viewer");
        (await AnalyticsAsync(viewer, id)).GetProperty("visitors").GetInt64().Should().Be(200, "a viewer may analyze");
        (await AskAsync(viewer, id, "how many people came to my site?")).Should().StartWith("200 visitors in the last 30 days");

        var stranger = await factory.SignUpAsync();
        (await stranger.GetAsync($"/api/v1/projects/{id}/analytics?period=7d")).StatusCode.Should().Be(HttpStatusCode.NotFound, "another workspace's site does not exist for it");
        (await stranger.GetAsync($"/api/v1/projects/{id}/analytics/chart?period=7d")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _owner.GetAsync($"/api/v1/projects/{id}/analytics/chart?period=1y")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_visitor_is_counted_once_a_day_however_many_pages_they_open()
    {
        var (id, slug) = await PublishedSiteAsync("Forno Velho is a bakery in Coimbra.");

        for (var i = 0; i < 3; i++)
        {
            (await SendAsync(_visitor, slug, """{"k":"v","p":"/"}""", 7)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        }

        (await SendAsync(_visitor, slug, """{"k":"v","p":"/"}""", 8)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        await FlushAsync();
        var report = await AnalyticsAsync(_owner, id, "30d");

        report.GetProperty("visitors").GetInt64().Should().Be(2);
        report.GetProperty("pageviews").GetInt64().Should().Be(4);
        report.GetProperty("daily").GetArrayLength().Should().Be(30);
    }

    [Fact]
    public async Task The_buffer_is_written_within_a_second_without_being_asked()
    {
        var (id, slug) = await PublishedSiteAsync("Sal e Pimenta is a restaurant in Setúbal.");

        (await SendAsync(_visitor, slug, """{"k":"v","p":"/"}""", 1)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        var seen = 0L;
        for (var wait = 0; wait < 30 && seen == 0; wait++)
        {
            await Task.Delay(100);
            seen = (await AnalyticsAsync(_owner, id)).GetProperty("pageviews").GetInt64();
        }

        seen.Should().Be(1, "the host writes the buffer every second");
    }

    [Theory]
    [InlineData("7days")]
    [InlineData("week")]
    [InlineData("1=1")]
    public async Task An_unknown_period_is_a_400_with_problem_details(string period)
    {
        var (id, _) = await PublishedSiteAsync("Pão Quente is a bakery in Tomar.");

        var response = await _owner.GetAsync($"/api/v1/projects/{id}/analytics?period={Uri.EscapeDataString(period)}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }
}
