using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Navo.Testing;
using Navo.Tools.Generate;

namespace Navo.E2E.Tests.Support;

/// <summary>The host on a free loopback port (Kestrel, in this process), on a database of its own.</summary>
public sealed class StudioHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly IReadOnlyDictionary<string, string> _settings;

    // xUnit makes a class fixture through its one public constructor; a fixture with settings of its own uses the other.
    public StudioHost()
        : this(new Dictionary<string, string>())
    {
    }

    internal StudioHost(IReadOnlyDictionary<string, string> settings) => _settings = settings;

    private readonly string _dataPath = Directory.CreateTempSubdirectory("navo-e2e-data-").FullName;

    public TestDatabase Database { get; } = new();

    /// <summary>Where the browser goes, such as <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Address { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        UseKestrel(port: 0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Address = new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));

        // The host embeds the taxonomy of kinds in the background at start; the browser tests wait for it here, so
        // their few seconds for a draft to appear measure the studio, not a one-time warm-up on a busy machine.
        await Task.Run(() => Kinds.Shared);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Navo", Database.ConnectionString);
        builder.UseSetting("Navo:DataPath", _dataPath);
        builder.UseSetting("Navo:Limits:AuthPerMinute", "10000");
        builder.UseSetting("Navo:Limits:ChatPerMinute", "10000");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Database.DisposeAsync();
        Directory.Delete(_dataPath, recursive: true);
    }
}
