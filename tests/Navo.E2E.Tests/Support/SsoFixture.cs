using Navo.Testing.Identity;

namespace Navo.E2E.Tests.Support;

/// <summary>A company's identity provider (OpenIddict on a loopback port), the host allowed to reach it, and a browser.</summary>
public sealed class SsoFixture : IAsyncLifetime
{
    public TestIdentityProvider Provider { get; private set; } = null!;

    public StudioHost Host { get; } = new(new Dictionary<string, string> { ["Navo:Auth:SsoPrivateIssuers"] = "true" });

    public Browser Browser { get; } = new();

    public async Task InitializeAsync()
    {
        Provider = await TestIdentityProvider.StartAsync();
        await ((IAsyncLifetime)Host).InitializeAsync();
        await Browser.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await ((IAsyncLifetime)Host).DisposeAsync();
        await Provider.DisposeAsync();
    }
}
