using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Navo.Host.Apis;
using Navo.Host.Identity;
using Navo.Testing;

namespace Navo.Host.Tests.Support;

/// <summary>The host in-process, on a database of its own on the test run's cluster.</summary>
public sealed class NavoHostFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _dataPath = Directory.CreateTempSubdirectory("navo-host-data-").FullName;

    public TestDatabase Database { get; } = new();

    public Task InitializeAsync() => Database.InitializeAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Navo", Database.ConnectionString);
        builder.UseSetting("Navo:DataPath", _dataPath);
        builder.UseSetting("Navo:Sites:Domain", "navo.test");
        builder.UseEnvironment("Testing");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<ITenantResolver, RoleHeaderTenantResolver>();
            // Stands in for DNS: a domain's verification request reaches this host in-process, except for
            // *.elsewhere.example, which "points at" some other web server.
            services.AddHttpClient(DomainVerifier.ClientName).ConfigurePrimaryHttpMessageHandler(() => new StandInDns(Server.CreateHandler()));
        });
    }

    private sealed class StandInDns(HttpMessageHandler navo) : DelegatingHandler(navo)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            request.RequestUri!.Host.EndsWith(".elsewhere.example", StringComparison.Ordinal)
                ? Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("Welcome to my old site") })
                : base.SendAsync(request, cancellationToken);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Database.DisposeAsync();
        Directory.Delete(_dataPath, recursive: true);
    }
}
