using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Navo.Host.Apis;
using Navo.Host.Database;
using Navo.Testing;

namespace Navo.Host.Tests.Support;

/// <summary>
/// The host in-process, on a database of its own on the test run's cluster. <see cref="Owner"/> is a client signed
/// in as the owner of a fresh workspace; <see cref="MemberAsync"/> adds editors and viewers to it through real
/// invitations.
/// </summary>
public class NavoHostFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _dataPath = Directory.CreateTempSubdirectory("navo-host-data-").FullName;

    public TestDatabase Database { get; } = new();

    /// <summary>Where this host keeps its files (published pages, images).</summary>
    public string DataPath => _dataPath;

    /// <summary>Signed in as the owner of this fixture's workspace.</summary>
    public HttpClient Owner { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        if (EnvironmentName == "Production")
        {
            // A Production host changes no schema: as on a server, it is applied before the host starts.
            await using var store = await Database.CreateStoreAsync(NavoDatabase.StoreOptions());
        }

        Owner = await SignUpAsync();
    }

    /// <summary>A client signed in as a new account: owner of a new workspace, or a member through <paramref name="invitation"/>.</summary>
    public async Task<HttpClient> SignUpAsync(string? invitation = null, WebApplicationFactoryClientOptions? options = null)
    {
        var client = CreateClient(options ?? ClientOptions);
        await client.SignInAsync(TestAccounts.NewEmail(invitation is null ? "owner" : "member"), invitation);
        return client;
    }

    /// <summary>A client signed in as a new member of <paramref name="owner"/>'s workspace (default: <see cref="Owner"/>'s).</summary>
    public async Task<HttpClient> MemberAsync(string role, HttpClient? owner = null) =>
        await SignUpAsync(await (owner ?? Owner).InviteAsync(role));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Navo", Database.ConnectionString);
        builder.UseSetting("Navo:DataPath", _dataPath);
        builder.UseSetting("Navo:Sites:Domain", "navo.test");
        // The daily suggestions round would run at start and mark the day done; tests run it when they mean to.
        builder.UseSetting("Navo:Suggestions:Daily", "false");
        // Every account of a test class signs up from the same (absent) address; the throttling tests set their own.
        builder.UseSetting("Navo:Limits:AuthPerMinute", "10000");
        builder.UseSetting("Navo:Limits:ChatPerMinute", "10000");
        builder.UseEnvironment(EnvironmentName);
        builder.ConfigureServices(services =>
        {
            // Stands in for DNS: a domain's verification request reaches this host in-process, except for
            // *.elsewhere.example, which "points at" some other web server.
            services.AddHttpClient(DomainVerifier.ClientName).ConfigurePrimaryHttpMessageHandler(() => new StandInDns(Server.CreateHandler()));
            ConfigureTestServices(services);
        });
    }

    /// <summary>
    /// The hosting environment: "Testing" by default; Development (what <c>./build.sh run</c> uses) and Production
    /// behave differently where it matters most, in how the framework reports a request it cannot read.
    /// </summary>
    protected virtual string EnvironmentName => "Testing";

    /// <summary>What a derived fixture replaces in the host's services (a scripted chat client, say).</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    private sealed class StandInDns(HttpMessageHandler navo) : DelegatingHandler(navo)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            request.RequestUri!.Host.EndsWith(".elsewhere.example", StringComparison.Ordinal)
                ? Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("Welcome to my old site") })
                : base.SendAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Database.DisposeAsync();
        Directory.Delete(_dataPath, recursive: true);
    }
}
