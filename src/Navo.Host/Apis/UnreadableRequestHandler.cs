using Microsoft.AspNetCore.Diagnostics;

namespace Navo.Host.Apis;

/// <summary>
/// A request the server could not read (broken JSON, a body cut short, one that arrives too slowly) is the client's
/// mistake: it answers the 4xx the framework chose, as problem details, and is logged at Debug without a stack trace,
/// instead of becoming a 500 with an error in the log.
/// </summary>
public sealed partial class UnreadableRequestHandler(IProblemDetailsService problemDetails, ILogger<UnreadableRequestHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException unreadable)
        {
            return false;
        }

        LogUnreadable(httpContext.Request.Method, httpContext.Request.Path, unreadable.StatusCode);
        httpContext.Response.StatusCode = unreadable.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = unreadable.StatusCode },
        });
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Method} {Path}: the request could not be read ({Status})")]
    private partial void LogUnreadable(string method, PathString path, int status);
}
