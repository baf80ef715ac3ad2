using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Navo.Host.Tests.Support;

namespace Navo.Host.Tests;

/// <summary>The Prometheus scrape endpoint: request figures for this machine's scraper, nothing for anyone else.</summary>
public sealed class TelemetryTests(NavoHostFactory factory) : IClassFixture<NavoHostFactory>
{
    [Fact]
    public async Task Metrics_are_scraped_on_this_machine_in_the_prometheus_text_format()
    {
        var member = await factory.SignUpAsync();
        (await member.GetAsync("/api/v1/me")).EnsureSuccessStatusCode();
        var token = member.DefaultRequestHeaders.Authorization!.Parameter!;

        var response = await factory.CreateClient().GetAsync("/metrics");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync();
        text.Should().Contain("# TYPE http_server_request_duration_seconds histogram");
        text.Should().NotContain(token, "figures only: no credentials").And.NotContain("/api/v1/me?", "no query strings");
    }

    [Fact]
    public async Task Another_machine_asking_for_metrics_gets_not_found()
    {
        var remote = new RemoteFactory();
        await remote.InitializeAsync();
        try
        {
            var response = await remote.CreateClient().GetAsync("/metrics");

            response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        }
        finally
        {
            await ((IAsyncLifetime)remote).DisposeAsync();
        }
    }

    /// <summary>The host as seen from another machine: every request comes from a public address.</summary>
    private sealed class RemoteFactory : NavoHostFactory
    {
        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.AddTransient<IStartupFilter, FromElsewhere>();

        private sealed class FromElsewhere : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((http, nextMiddleware) =>
                {
                    http.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
                    return nextMiddleware(http);
                });
                next(app);
            };
        }
    }
}
