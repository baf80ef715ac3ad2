using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Navo.Host.Tests.Support;

/// <summary>
/// Another host in-process on a database and data folder given to it: a second host beside a <see cref="NavoHostFactory"/>
/// (two hosts behind a load balancer), or a host on a cluster a test stops and starts.
/// </summary>
public sealed class PeerHostFactory(string connectionString, string dataPath, string environment = "Testing") : WebApplicationFactory<Program>
{
    /// <summary>A second host on <paramref name="first"/>'s database and files.</summary>
    public PeerHostFactory(NavoHostFactory first) : this(first.Database.ConnectionString, first.DataPath)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Navo", connectionString);
        builder.UseSetting("Navo:DataPath", dataPath);
        builder.UseSetting("Navo:Sites:Domain", "navo.test");
        builder.UseSetting("Navo:Suggestions:Daily", "false");
        builder.UseSetting("Navo:Limits:AuthPerMinute", "10000");
        builder.UseEnvironment(environment);
    }
}
