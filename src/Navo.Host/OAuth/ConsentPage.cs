using System.Net;
using System.Text;
using OpenIddict.Abstractions;

namespace Navo.Host.OAuth;

/// <summary>
/// The page where a signed-in person lets an assistant act for them: which client (by its registered name and the
/// address it returns to), in which workspace, with which role (theirs at most). Everything shown is HTML-encoded;
/// the form posts the request's own parameters back to the authorization endpoint.
/// </summary>
internal static class ConsentPage
{
    public const string Decision = "navo_decision";
    public const string Role = "navo_role";

    public static readonly string[] RolesFromLeast = ["viewer", "editor", "owner"];

    public static IResult Render(HttpContext http, OpenIddictRequest request, string clientName, string workspaceName, string memberRole)
    {
        var redirect = new Uri(request.RedirectUri!);
        var page = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        page.Append("<title>Connect an assistant · Navo</title><link rel=\"stylesheet\" href=\"/navo.css\"></head><body><main id=\"main\" class=\"card-form\">");
        page.Append($"<h1>Connect {Encode(clientName)} to Navo?</h1>");
        page.Append($"<p><strong>{Encode(clientName)}</strong> (returning to {Encode(redirect.GetLeftPart(UriPartial.Authority))}) asks to work in ");
        page.Append($"your workspace <strong>{Encode(workspaceName)}</strong> for you: list and read your sites, and make the changes the role you choose allows. ");
        page.Append("Publishing and deleting still ask you first.</p>");
        page.Append($"<form method=\"post\" action=\"{OAuthServer.AuthorizePath}\">");
        foreach (var (name, value) in request.GetParameters())
        {
            if (name is not (Decision or Role) && (string?)value is { } text)
            {
                page.Append($"<input type=\"hidden\" name=\"{Encode(name)}\" value=\"{Encode(text)}\">");
            }
        }

        page.Append($"<label>Role <select name=\"{Role}\">");
        foreach (var role in RolesFromLeast.Where(role => OAuthServer.Rank(role) <= OAuthServer.Rank(memberRole)))
        {
            var selected = role == OAuthServer.Lower("editor", memberRole) ? " selected" : string.Empty;
            page.Append($"<option value=\"{role}\"{selected}>{role}</option>");
        }

        page.Append("</select></label>");
        page.Append($"<button type=\"submit\" name=\"{Decision}\" value=\"allow\">Allow</button> ");
        page.Append($"<button type=\"submit\" name=\"{Decision}\" value=\"deny\">Deny</button></form></main></body></html>");
        // The form's answer is a redirect to the client: form-action must allow its origin as well as this one.
        http.Response.Headers.ContentSecurityPolicy =
            $"default-src 'none'; style-src 'self'; form-action 'self' {redirect.GetLeftPart(UriPartial.Authority)}; base-uri 'none'; frame-ancestors 'none'";
        http.Response.Headers.CacheControl = "no-store";
        return Results.Content(page.ToString(), "text/html; charset=utf-8");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
