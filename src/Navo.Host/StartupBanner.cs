using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Navo.Host;

public static partial class StartupBanner
{
    /// <summary>Once the server listens, says where (the demo credentials are logged when the workspace is seeded).</summary>
    public static void PrintStudioAddressOnStart(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                LogListening(app.Logger, address);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Navo is running at {Address}")]
    private static partial void LogListening(ILogger logger, string address);
}
