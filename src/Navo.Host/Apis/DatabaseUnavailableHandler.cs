using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace Navo.Host.Apis;

/// <summary>
/// A request that failed because the database cannot be reached (stopped, restarting, out of connections) is not the
/// server's bug: it answers 503 with <c>Retry-After</c>, as problem details, or as a small page for a live site's
/// visitors, and is logged as a warning without a stack trace. The next request tries the database again, so service
/// comes back by itself the moment it answers.
/// </summary>
public sealed partial class DatabaseUnavailableHandler(IProblemDetailsService problemDetails, ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    /// <summary>How long clients are asked to wait, in seconds: a restarting database is usually back within it.</summary>
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsUnavailable(exception))
        {
            return false;
        }

        LogUnavailable(httpContext.Request.Method, Logging.LoggingSetup.WithoutKeys(httpContext.Request.Path.Value ?? string.Empty), exception.GetBaseException().GetType().Name);
        if (SitePages.IsSitePath(httpContext))
        {
            await WriteVisitorPageAsync(httpContext);
            return true;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);

        httpContext.Response.Headers.CacheControl = "no-store";
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The service is unavailable.",
                Detail = $"Navo's database cannot be reached right now; nothing was changed. Try again in {RetryAfterSeconds} seconds.",
            },
        });
    }

    /// <summary>The small page a live site's visitor reads while the database is away.</summary>
    public static Task WriteVisitorPageAsync(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return SitePages.WriteAsync(http, StatusCodes.Status503ServiceUnavailable,
            "Back in a moment", "This site cannot be shown right now. Please try again in a few seconds.");
    }

    /// <summary>Whether <paramref name="exception"/>, or one it wraps, says the database cannot be reached now.</summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                // Connection refused or reset, a timeout, a server shutting down or starting up, too many connections.
                case PostgresException postgres when postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                                                     || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal)
                                                     || postgres.SqlState == PostgresErrorCodes.TooManyConnections:
                case NpgsqlException { IsTransient: true } and not PostgresException:
                case SocketException:
                    return true;
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path}: the database cannot be reached ({Failure}); answered 503")]
    private partial void LogUnavailable(string method, string path, string failure);
}
