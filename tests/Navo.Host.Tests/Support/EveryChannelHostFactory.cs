using Microsoft.AspNetCore.Hosting;

namespace Navo.Host.Tests.Support;

/// <summary>
/// The host with every channel switched on (Slack and Teams map their routes only when configured), for tests that
/// go through every route the host has. Nothing here calls Slack or Teams: the credentials are never used.
/// </summary>
public class EveryChannelHostFactory : NavoHostFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Navo:Slack:SigningSecret", "every-channel-signing-secret");
        builder.UseSetting("Navo:Slack:ClientId", "111.222");
        builder.UseSetting("Navo:Slack:ClientSecret", "client-secret");
        builder.UseSetting("Navo:Slack:PublicUrl", "http://navo.test/");
        builder.UseSetting("Navo:Teams:AppId", "00000000-0000-0000-0000-00000000a11d");
        builder.UseSetting("Navo:Teams:AppPassword", "app-password");
        builder.UseSetting("Navo:Teams:PublicUrl", "http://navo.test/");
        builder.UseSetting("Navo:Teams:DailySuggestionsEvery", "00:00:00");
    }
}

/// <summary><see cref="EveryChannelHostFactory"/> in Development, as <c>./build.sh run</c> starts it.</summary>
public sealed class DevelopmentEveryChannelHostFactory : EveryChannelHostFactory
{
    protected override string EnvironmentName => "Development";
}
