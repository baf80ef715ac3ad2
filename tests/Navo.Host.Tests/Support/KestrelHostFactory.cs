using Microsoft.AspNetCore.Hosting;
using Navo.Testing;

namespace Navo.Host.Tests.Support;

/// <summary>
/// The host on Kestrel, on a loopback port of its own, as it runs: what happens on the connection (a request that
/// arrives slowly, headers over the limits, a path sent byte for byte as written) is Kestrel's to answer, which the
/// in-memory test server does not do.
/// </summary>
public class KestrelHostFactory : NavoHostFactory
{
    public KestrelHostFactory()
    {
        UseKestrel(Port);
        ClientOptions.BaseAddress = new Uri($"http://127.0.0.1:{Port}");
    }

    /// <summary>The loopback port Kestrel listens on.</summary>
    public int Port { get; } = LoopbackPort.Free();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("urls", $"http://127.0.0.1:{Port}");
    }
}

/// <summary><see cref="KestrelHostFactory"/> in Development, as <c>./build.sh run</c> starts it.</summary>
public sealed class DevelopmentKestrelHostFactory : KestrelHostFactory
{
    protected override string EnvironmentName => "Development";
}
