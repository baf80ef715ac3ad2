using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.Extensions.Options;
using Navo.Host.Database;
using Navo.Tools.Publish;

namespace Navo.Host.Apis;

/// <summary>
/// <c>POST /s/{slug}/_navo/form</c>, what the contact forms of live pages send. Anyone on the internet can post
/// anything here, so every way a post can be unreadable — a NUL byte, too many fields, a huge key, multipart without a
/// boundary or cut short, a body that trickles in — is a 4xx page in the site's own style, and nothing is stored.
/// </summary>
public static partial class ContactForm
{
    /// <summary>The rate-limit policy for contact forms: per client address.</summary>
    public const string RateLimit = "site-forms";

    /// <summary>The largest contact-form post accepted.</summary>
    public const long MaxBytes = 16 * 1024;

    /// <summary>
    /// A contact form has four fields; the framework's defaults (1,024 fields, 2,048-character keys, 128 MB multipart
    /// bodies) are for applications, not for a form any visitor can post.
    /// </summary>
    private static readonly FormOptions Limits = new()
    {
        ValueCountLimit = 32,
        KeyLengthLimit = 64,
        ValueLengthLimit = (int)MaxBytes,
        MultipartBodyLengthLimit = MaxBytes,
        MultipartHeadersCountLimit = 8,
        MultipartHeadersLengthLimit = 1024,
        MultipartBoundaryLengthLimit = 128,
        BufferBody = false,
    };

    private const string NotSent = "Message not sent";

    private const string Unreadable = "The form could not be read. Please send it again from the site's contact form.";

    public static async Task<IResult> SubmitAsync(
        string slug, HttpContext http, NavoDatabase database, Leads leads, ISiteStorage storage, IOptions<SitesOptions> options,
        SiteVisits visits, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (await PublishedSites.FindAsync(database, slug, cancellationToken) is not { Live: true } site)
        {
            return PublishedSites.NotFoundPage(http);
        }

        var look = await SitePages.LookAsync(storage, site.Pages, cancellationToken);
        if (http.Request.ContentLength is null or > MaxBytes)
        {
            return SitePages.Page(http, StatusCodes.Status400BadRequest, NotSent, "The message is too long. Please write a shorter one.", look);
        }

        if (!http.Request.HasFormContentType)
        {
            return SitePages.Page(http, StatusCodes.Status400BadRequest, NotSent, Unreadable, look);
        }

        var (form, status) = await ReadAsync(http, TimeSpan.FromSeconds(options.Value.FormReadSeconds), loggers.CreateLogger(typeof(ContactForm)), cancellationToken);
        if (form is null)
        {
            // The rest of an unreadable body is not worth waiting for: answer, then close the connection.
            http.Response.Headers.Connection = "close";
            return status == StatusCodes.Status408RequestTimeout
                ? SitePages.Page(http, status, NotSent, "The message took too long to arrive. Please try again.", look)
                : SitePages.Page(http, status, NotSent, Unreadable, look);
        }

        var submission = new LeadSubmission(form["name"], form["email"], form["message"], form["website"]);
        if (!string.IsNullOrEmpty(submission.Website))
        {
            // The hidden field was filled in: a bot. Thank it and keep nothing.
            return SitePages.Page(http, StatusCodes.Status200OK, "Thank you", "Your message was sent.", look);
        }

        var problems = Leads.Check(submission);
        if (problems.Count > 0)
        {
            return SitePages.Page(http, StatusCodes.Status400BadRequest, NotSent, string.Join(" ", problems), look);
        }

        await leads.StoreAsync(site.TenantId, site.ProjectId, submission, cancellationToken);
        // Counted here, where it arrived, not by the beacon: a blocked script does not hide a message from the figures.
        await visits.FormReceivedAsync(http, slug, site, cancellationToken);
        return SitePages.Page(http, StatusCodes.Status200OK, "Thank you", "Your message was sent. We will reply soon.", look);
    }

    /// <summary>
    /// The form, or the 4xx status that says why it could not be read. A slow body holds a connection and a request
    /// slot for as long as it trickles: on Kestrel, a body arriving slower than 240 bytes a second after
    /// <paramref name="deadline"/> is given up by the server itself (cancelling a read would abort the connection
    /// before the visitor saw the page); elsewhere the whole body must arrive within it.
    /// </summary>
    private static async Task<(IFormCollection? Form, int Status)> ReadAsync(HttpContext http, TimeSpan deadline, ILogger logger, CancellationToken aborted)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        if (http.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } rate)
        {
            rate.MinDataRate = new Microsoft.AspNetCore.Server.Kestrel.Core.MinDataRate(bytesPerSecond: 240, gracePeriod: deadline);
        }
        else
        {
            timeout.CancelAfter(deadline);
        }

        try
        {
            return (await http.Request.ReadFormAsync(Limits, timeout.Token), StatusCodes.Status200OK);
        }
        catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
        {
            LogUnreadable(logger, "it did not arrive in time");
            return (null, StatusCodes.Status408RequestTimeout);
        }
        catch (BadHttpRequestException unreadable)
        {
            // Kestrel's own limits: a body too large (413) or too slow (408).
            LogUnreadable(logger, unreadable.Message);
            return (null, unreadable.StatusCode);
        }
        catch (Exception unreadable) when (unreadable is InvalidDataException or IOException or FormatException)
        {
            // The form readers' limits and parse errors: NUL bytes, too many fields, long keys, broken multipart.
            LogUnreadable(logger, unreadable.Message);
            return (null, StatusCodes.Status400BadRequest);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "A contact form could not be read: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string reason);
}
