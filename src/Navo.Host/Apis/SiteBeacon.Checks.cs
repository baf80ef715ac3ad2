using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Navo.Host.Apis;

/// <summary>How the event endpoint reads and checks what it is sent.</summary>
public static partial class SiteBeacon
{
    /// <summary>What the beacon sends: <c>k</c> the kind (<c>v</c> a view, <c>c</c> a click), <c>t</c> the clicked section's type, <c>p</c> the page, <c>r</c> the referrer's host, <c>w</c> the viewport's width.</summary>
    private sealed record BeaconEvent(string? K, string? T, string? P, string? R, int? W);

    /// <summary>What is wrong with an event, in a sentence; null when it can be counted.</summary>
    private static string? Check(BeaconEvent? sent, PublishedSites.SitePointer site) => sent switch
    {
        null => "The event is empty.",
        { K: not ("v" or "c") } => "k must be \"v\" (a page view) or \"c\" (a click).",
        { K: "v", T: not null } => "A page view has no t.",
        { K: "c", T: not ("hero" or "cta") } => "t must be \"hero\" or \"cta\".",
        { P: null } => "p must be the page's path.",
        { P: { } path } when path.StartsWith("/_navo/", StringComparison.Ordinal) || !site.Pages.ContainsKey(path) => "p is not a page of this site.",
        { R: { } referrer } when !IsHost(referrer) => "r must be the referring page's host.",
        { W: < 1 or > 20000 } => "w must be the viewport's width in pixels.",
        _ => null,
    };

    /// <summary>A host name with an optional port, as <c>URL.host</c> gives it: at most 253 characters.</summary>
    private static bool IsHost(string text) => text.Length is > 0 and <= 253 && HostName().IsMatch(text);

    [GeneratedRegex(@"^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*(:[0-9]{1,5})?$")]
    private static partial Regex HostName();

    /// <summary>The body, or the 4xx that says why not: over <see cref="MaxBytes"/>, or not all there within five seconds.</summary>
    private static async Task<(byte[]? Body, int Status)> ReadAsync(HttpContext http, ILogger logger, CancellationToken aborted)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        var buffer = new byte[MaxBytes + 1];
        var length = 0;
        try
        {
            int read;
            while (length < buffer.Length && (read = await http.Request.Body.ReadAsync(buffer.AsMemory(length), timeout.Token)) > 0)
            {
                length += read;
            }
        }
        catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
        {
            LogUnreadable(logger, "it did not arrive in time");
            http.Response.Headers.Connection = "close";
            return (null, StatusCodes.Status408RequestTimeout);
        }
        catch (BadHttpRequestException unreadable)
        {
            LogUnreadable(logger, unreadable.Message);
            http.Response.Headers.Connection = "close";
            return (null, unreadable.StatusCode);
        }

        return length > MaxBytes ? (null, StatusCodes.Status413PayloadTooLarge) : (buffer[..length], StatusCodes.Status200OK);
    }

    private static ProblemHttpResult Refuse(int status, string detail) =>
        TypedResults.Problem(statusCode: status, title: "The event was not counted.", detail: detail);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A beacon event could not be read: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string reason);
}
