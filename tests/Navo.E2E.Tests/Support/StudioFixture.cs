namespace Navo.E2E.Tests.Support;

/// <summary>One host and one browser for the browser tests of a class.</summary>
public sealed class StudioFixture : IAsyncLifetime
{
    public StudioHost Host { get; } = new();

    public Browser Browser { get; } = new();

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)Host).InitializeAsync();
        await Browser.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await ((IAsyncLifetime)Host).DisposeAsync();
    }
}
