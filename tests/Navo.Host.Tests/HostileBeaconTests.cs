using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Navo.Host.Analytics;
using Navo.Host.Tests.Support;
using Navo.Tools.Analyze;

namespace Navo.Host.Tests;

/// <summary>
/// What anyone on the internet may post to a live site's event endpoint, in every environment: each unreadable or
/// made-up event is a 4xx with problem details, and nothing is counted.
/// </summary>
public abstract class HostileBeaconTests(NavoHostFactory factory)
{
    public static TheoryData<string, string, int> Hostile => new()
    {
        { "text/plain", "not json", 400 },
        { "text/plain", "", 400 },
        { "text/plain", "null", 400 },
        { "text/plain", """{"k":"v","p":"/","x":1}""", 400 },
        { "text/plain", """{"k":"purchase","p":"/"}""", 400 },
        { "text/plain", """{"k":"v","t":"hero","p":"/"}""", 400 },
        { "text/plain", """{"k":"c","t":"footer","p":"/"}""", 400 },
        { "text/plain", """{"k":"v"}""", 400 },
        { "text/plain", """{"k":"v","p":"/no-such-page"}""", 400 },
        { "text/plain", """{"k":"v","p":"/_navo/img/x/320.webp"}""", 400 },
        { "text/plain", """{"k":"v","p":"/","r":"<script>alert(1)</script>"}""", 400 },
        { "text/plain", """{"k":"v","p":"/","r":"evil.example/path?q=1"}""", 400 },
        { "text/plain", """{"k":"v","p":"/","w":-5}""", 400 },
        { "text/plain", """{"k":"v","p":"/","w":99999999999}""", 400 },
        { "text/plain", """{"k":"v","p":"/","w":"wide"}""", 400 },
        { "text/plain", """{"k":{"k":{"k":"v"}},"p":"/"}""", 400 },
        { "text/plain", """[{"k":"v","p":"/"}]""", 400 },
        { "text/plain", "{\"k\":\"v\",\"p\":\"/\",\"r\":\"" + new string('a', 2000) + "\"}", 413 },
        { "application/x-www-form-urlencoded", "k=v&p=/", 415 },
        { "text/html", """{"k":"v","p":"/"}""", 415 },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task A_hostile_event_is_refused_with_problem_details_and_nothing_is_counted(string mediaType, string body, int status)
    {
        var owner = factory.Owner;
        var id = (await (await owner.PostAsJsonAsync("/api/v1/projects", new { description = "Quinta Nova is a farm shop in Beja." })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var slug = (await (await owner.PostAsync($"/api/v1/projects/{id}/publish", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("live").GetProperty("slug").GetString()!;
        var visitor = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        var response = await AnalyticsTests.SendAsync(visitor, slug, body, 1, mediaType);
        await factory.Services.GetRequiredService<VisitBuffer>().FlushAsync();

        ((int)response.StatusCode).Should().Be(status, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        response.Headers.Contains("Set-Cookie").Should().BeFalse();
        var report = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/analytics?period=all");
        report.GetProperty("pageviews").GetInt64().Should().Be(0);
        report.GetProperty("visitors").GetInt64().Should().Be(0);
    }

    [Fact]
    public async Task An_event_for_no_live_site_is_a_404_with_problem_details()
    {
        var response = await AnalyticsTests.SendAsync(factory.CreateClient(), "no-such-site", """{"k":"v","p":"/"}""", 1);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }
}

public sealed class HostileBeaconInTestingTests(NavoHostFactory factory) : HostileBeaconTests(factory), IClassFixture<NavoHostFactory>;

public sealed class HostileBeaconInDevelopmentTests(DevelopmentHostFactory factory) : HostileBeaconTests(factory), IClassFixture<DevelopmentHostFactory>;

public sealed class HostileBeaconInProductionTests(ProductionHostFactory factory) : HostileBeaconTests(factory), IClassFixture<ProductionHostFactory>;

/// <summary>A host whose beacon endpoint allows five events a minute from an address and whose buffer is never written on its own.</summary>
public sealed class TightBeaconHostFactory : NavoHostFactory
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Navo:Analytics:EventsPerMinutePerAddress", "105");
        builder.UseSetting("Navo:Analytics:BufferCapacity", "100");
    }

    // The test fills the buffer and writes it itself, so the host's own writer must not empty it in between.
    protected override void ConfigureTestServices(IServiceCollection services)
    {
        var writer = services.Single(s => s.ServiceType == typeof(IHostedService) && s.ImplementationType == typeof(VisitWriting));
        services.Remove(writer);
    }
}

public sealed class BeaconLimitsTests(TightBeaconHostFactory factory) : IClassFixture<TightBeaconHostFactory>
{
    [Fact]
    public async Task A_full_buffer_answers_503_and_a_flood_from_one_address_429_and_every_event_taken_is_written()
    {
        var owner = factory.Owner;
        var id = (await (await owner.PostAsJsonAsync("/api/v1/projects", new { description = "Vela Azul is a surf school in Peniche." })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var slug = (await (await owner.PostAsync($"/api/v1/projects/{id}/publish", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("live").GetProperty("slug").GetString()!;
        var visitor = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 106; i++)
        {
            responses.Add(await AnalyticsTests.SendAsync(visitor, slug, """{"k":"v","p":"/"}""", i));
        }

        responses.Take(100).Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Accepted);
        responses.Skip(100).Take(5).Should().OnlyContain(r => r.StatusCode == HttpStatusCode.ServiceUnavailable, "the buffer holds 100 events");
        responses[100].Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(1));
        responses[100].Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        responses[105].StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "105 events a minute from one address");
        responses[105].Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        responses[105].Headers.RetryAfter!.Delta.Should().BeGreaterThan(TimeSpan.Zero).And.BeLessThanOrEqualTo(TimeSpan.FromMinutes(1), "the wait is what is left of the minute's window");

        (await factory.Services.GetRequiredService<VisitBuffer>().FlushAsync()).Should().Be(100);
        (await owner.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/analytics?period=7d")).GetProperty("pageviews").GetInt64().Should().Be(100, "none taken was lost");
    }
}
