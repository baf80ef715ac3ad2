namespace Navo.Host.Apis;

/// <summary>
/// Read-your-writes for live pages on the host that made a change: the notification of a publish, rollback, unpublish,
/// move, deletion, experiment or domain change reaches every host (this one too) a moment after the commit, so a request
/// that may make one — any write to the API, by REST, chat, a channel or MCP — forgets this host's kept pointers as its
/// answer starts, after its commit. The client's next view, here, reads the change. (A chat answer streamed as
/// server-sent events starts before its tools run: a view right after such a turn may wait for the notification.)
/// </summary>
internal static class LiveSiteChanges
{
    public static IApplicationBuilder UseLiveSiteChanges(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        var method = http.Request.Method;
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !HttpMethods.IsOptions(method)
            && (http.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal) || http.Request.Path.StartsWithSegments("/mcp", StringComparison.Ordinal)))
        {
            http.Response.OnStarting(() =>
            {
                http.RequestServices.GetRequiredService<LiveSiteCache>().ForgetAll();
                http.RequestServices.GetRequiredService<DomainMap>().Forget();
                return Task.CompletedTask;
            });
        }

        return next(http);
    });
}
