using Microsoft.AspNetCore.Http.HttpResults;
using Navo.Host.Identity;

namespace Navo.Host.Apis;

/// <summary>
/// <c>/api/v1/auth</c> and <c>/api/v1/me</c>: register, sign in, refresh, sign out, password reset. Register and
/// sign-in answer <c>{accessToken, refreshToken, expiresIn}</c> and set the studio's session cookie.
/// </summary>
public static class AccountsApi
{
    public sealed record RegisterRequest(string? Email, string? Password, string? Workspace, string? Invitation);

    public sealed record LoginRequest(string? Email, string? Password, string? Workspace);

    public sealed record RefreshRequest(string? RefreshToken);

    public sealed record ForgotPasswordRequest(string? Email);

    public sealed record ResetPasswordRequest(string? Token, string? Password);

    public sealed record TokenResponse(string AccessToken, string RefreshToken, int ExpiresIn, string TokenType, string Workspace, string Role);

    /// <summary>The rate-limit policy for register, sign-in and password requests: per client address.</summary>
    public const string RateLimit = "auth";

    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Accounts").AllowAnonymous();
        auth.MapPost("/register", RegisterAsync).WithName("Register").RequireRateLimiting(RateLimit);
        auth.MapPost("/login", LoginAsync).WithName("Login").RequireRateLimiting(RateLimit);
        auth.MapPost("/refresh", RefreshAsync).WithName("Refresh");
        auth.MapPost("/logout", LogoutAsync).WithName("Logout");
        auth.MapPost("/forgot-password", ForgotPasswordAsync).WithName("ForgotPassword").RequireRateLimiting(RateLimit);
        auth.MapPost("/reset-password", ResetPasswordAsync).WithName("ResetPassword").RequireRateLimiting(RateLimit);
        app.MapGet("/api/v1/me", MeAsync).WithTags("Accounts").WithName("Me").RequireAuthorization(Policies.Member);
        return app;
    }

    public static async Task<Results<Created<TokenResponse>, ProblemHttpResult>> RegisterAsync(
        RegisterRequest request, HttpContext http, Accounts accounts, CancellationToken cancellationToken)
    {
        var (signedIn, problem) = await accounts.RegisterAsync(request.Email, request.Password, request.Workspace, request.Invitation, cancellationToken);
        return signedIn is null ? Problem(http, problem!) : TypedResults.Created("/api/v1/me", Tokens(http, signedIn));
    }

    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> LoginAsync(
        LoginRequest request, HttpContext http, Accounts accounts, CancellationToken cancellationToken)
    {
        var (signedIn, problem) = await accounts.SignInAsync(request.Email, request.Password, request.Workspace, cancellationToken);
        return signedIn is null ? Problem(http, problem!) : TypedResults.Ok(Tokens(http, signedIn));
    }

    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> RefreshAsync(
        RefreshRequest request, HttpContext http, Accounts accounts, CancellationToken cancellationToken)
    {
        var (signedIn, problem) = await accounts.RefreshAsync(request.RefreshToken, cancellationToken);
        return signedIn is null ? Problem(http, problem!) : TypedResults.Ok(Tokens(http, signedIn));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> LogoutAsync(RefreshRequest? request, HttpContext http, Accounts accounts, CancellationToken cancellationToken)
    {
        var session = http.Request.Cookies[NavoAuthenticationHandler.SessionCookie];
        var refresh = request?.RefreshToken;
        if ((refresh is not null && !Secrets.LooksLike(refresh, Accounts.RefreshPrefix)) || (refresh is null && string.IsNullOrEmpty(session)))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Nothing to sign out of.",
                detail: "Send {\"refreshToken\"} with the refresh token Navo gave you, or the session cookie.");
        }

        await accounts.SignOutAsync(session, refresh, cancellationToken);
        http.Response.Cookies.Delete(NavoAuthenticationHandler.SessionCookie, CookieOptions(http));
        return TypedResults.NoContent();
    }

    public static async Task<Results<Accepted, ProblemHttpResult>> ForgotPasswordAsync(
        ForgotPasswordRequest request, HttpContext http, Accounts accounts, IPasswordResetSender sender, CancellationToken cancellationToken)
    {
        if (Accounts.CheckEmail(request.Email) is { } invalid)
        {
            return Problem(http, invalid);
        }

        await accounts.ForgotPasswordAsync(request.Email, sender, cancellationToken);
        // The same answer whether or not the address has an account.
        return TypedResults.Accepted((string?)null);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> ResetPasswordAsync(
        ResetPasswordRequest request, HttpContext http, Accounts accounts, CancellationToken cancellationToken) =>
        await accounts.ResetPasswordAsync(request.Token, request.Password, cancellationToken) is { } problem
            ? Problem(http, problem)
            : TypedResults.NoContent();

    public static async Task<Results<Ok<MeView>, ProblemHttpResult>> MeAsync(HttpContext http, Accounts accounts, CancellationToken cancellationToken) =>
        await accounts.MeAsync(http.User.Member()!, cancellationToken) is { } me
            ? TypedResults.Ok(me)
            : TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign in again.", detail: "The account no longer exists.");

    private static TokenResponse Tokens(HttpContext http, SignedIn signedIn)
    {
        SetSession(http, signedIn);
        return new(signedIn.AccessToken, signedIn.RefreshToken, signedIn.ExpiresIn, "Bearer", signedIn.TenantId, signedIn.Role);
    }

    /// <summary>The studio's session cookie for <paramref name="signedIn"/>, however they signed in.</summary>
    public static void SetSession(HttpContext http, SignedIn signedIn)
    {
        var cookie = CookieOptions(http);
        cookie.MaxAge = TimeSpan.FromDays(http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthOptions>>().Value.SessionDays);
        http.Response.Cookies.Append(NavoAuthenticationHandler.SessionCookie, signedIn.SessionToken, cookie);
        http.Response.Headers.CacheControl = "no-store";
    }

    /// <summary>HttpOnly, SameSite=Lax, Secure over HTTPS: scripts cannot read it and other sites cannot post with it.</summary>
    private static CookieOptions CookieOptions(HttpContext http) =>
        new() { HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, Path = "/", IsEssential = true };

    /// <summary>An account problem as RFC 9457 problem details, with <c>Retry-After</c> for a lockout.</summary>
    public static ProblemHttpResult Problem(HttpContext http, AccountProblem problem)
    {
        if (problem.RetryAfter is { } wait)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return TypedResults.Problem(statusCode: problem.Status, title: problem.Title, detail: problem.Detail);
    }
}
