namespace Navo.Host.Identity.Sso;

/// <summary>
/// Before authentication runs: a request to start single sign-on for a workspace, or the provider's way back to it,
/// carries that workspace's connection in its items, from which <see cref="WorkspaceSsoOptions"/> builds the
/// handler's options. The handler's options are read once per request, before any endpoint, hence a middleware.
/// </summary>
public sealed class SsoWorkspaceResolution(RequestDelegate next)
{
    public const string ItemKey = "navo.sso.connection";

    public async Task InvokeAsync(HttpContext context, SsoConnections connections)
    {
        if (WorkspaceOf(context.Request.Path) is { } tenantId
            && await connections.FindAsync(tenantId, context.RequestAborted) is { } connection)
        {
            context.Items[ItemKey] = connection;
        }

        await next(context);
    }

    private static string? WorkspaceOf(PathString path)
    {
        foreach (var prefix in (ReadOnlySpan<string>)[SsoPaths.Start, SsoPaths.CallbackPrefix])
        {
            if (path.StartsWithSegments(prefix, StringComparison.Ordinal, out var rest)
                && rest.Value is { Length: > 1 and <= 65 } id && id.IndexOf('/', 1) < 0)
            {
                return id[1..];
            }
        }

        return null;
    }
}
