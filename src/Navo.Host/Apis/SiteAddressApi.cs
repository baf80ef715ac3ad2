using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Navo.Host.Identity;
using Navo.Tools;
using Navo.Tools.Projects;
using Navo.Tools.Publish;
using static Navo.Host.Apis.ProjectsApi;

namespace Navo.Host.Apis;

/// <summary>
/// Where a site answers, changed by the workspace's owner: its address (<c>PUT .../slug</c>) and the domains
/// connected to it (<c>.../domains</c>: add, verify, list, remove).
/// </summary>
public static class SiteAddressApi
{
    public sealed record SlugRequest(string? Slug);

    public sealed record DomainRequest(string? Domain);

    public sealed record AddressResponse(string Message, string Slug, string Url);

    /// <summary>A connected domain; while it waits for verification, the token and what to do.</summary>
    public sealed record DomainResponse(string Host, bool Verified, string? Token, string? Instructions);

    public static IEndpointRouteBuilder MapSiteAddressApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/projects/{id:guid}").WithTags("Addresses").RequireAuthorization(Policies.Member);
        group.MapPut("/slug", ChangeSlugAsync).WithName("ChangeSlug").RequireAuthorization(Policies.Owner);
        group.MapGet("/domains", ListDomainsAsync).WithName("ListDomains");
        group.MapPost("/domains", AddDomainAsync).WithName("AddDomain").RequireAuthorization(Policies.Owner);
        group.MapPost("/domains/{host}/verify", VerifyDomainAsync).WithName("VerifyDomain").RequireAuthorization(Policies.Owner);
        group.MapDelete("/domains/{host}", RemoveDomainAsync).WithName("RemoveDomain").RequireAuthorization(Policies.Owner);
        return app;
    }

    public static async Task<Results<Ok<AddressResponse>, ProblemHttpResult>> ChangeSlugAsync(
        Guid id, SlugRequest request, [AsParameters] ProjectServices services, PublishService publisher, DomainMap map, CancellationToken cancellationToken)
    {
        var outcome = await publisher.ChangeAddressAsync(services.Tenant, id, request.Slug, By(services), cancellationToken);
        map.Forget();
        return outcome.Outcome == ProjectOutcome.Ok
            ? TypedResults.Ok(new AddressResponse(outcome.Message, outcome.Project!.Slug!, PublishService.SitePath(outcome.Project.Slug!)))
            : Problem(outcome);
    }

    public static async Task<Results<Ok<IReadOnlyList<DomainResponse>>, ProblemHttpResult>> ListDomainsAsync(
        Guid id, [AsParameters] ProjectServices services, IOptions<SitesOptions> sites, CancellationToken cancellationToken) =>
        await services.Projects.GetAsync(services.Tenant, id, cancellationToken) is { } project
            ? TypedResults.Ok<IReadOnlyList<DomainResponse>>([.. (project.Domains ?? []).Select(d => Describe(d, project, sites.Value))])
            : Problem(new PublishOutcome(ProjectOutcome.NotFound, null, string.Empty));

    public static async Task<Results<Created<DomainResponse>, Ok<DomainResponse>, ProblemHttpResult>> AddDomainAsync(
        Guid id, DomainRequest request, [AsParameters] ProjectServices services, PublishService publisher, IOptions<SitesOptions> sites,
        CancellationToken cancellationToken)
    {
        var outcome = await publisher.AddDomainAsync(services.Tenant, id, request.Domain, sites.Value.Domain, By(services), cancellationToken);
        if (outcome.Outcome != ProjectOutcome.Ok)
        {
            return Problem(outcome);
        }

        // It read as a domain, or the outcome would say why not.
        DomainNames.TryRead(request.Domain, sites.Value.Domain, out var host);
        var project = outcome.Project!;
        var domain = Describe(project.Domains!.First(d => d.Host == host), project, sites.Value);
        return outcome.Changed
            ? TypedResults.Created($"/api/v1/projects/{id}/domains/{host}", domain)
            : TypedResults.Ok(domain);
    }

    public static async Task<Results<Ok<DomainResponse>, ProblemHttpResult>> VerifyDomainAsync(
        Guid id, string host, [AsParameters] ProjectServices services, PublishService publisher, DomainVerifier verifier, DomainMap map,
        IOptions<SitesOptions> sites, CancellationToken cancellationToken)
    {
        if (await services.Projects.GetAsync(services.Tenant, id, cancellationToken) is not { } project)
        {
            return Problem(new PublishOutcome(ProjectOutcome.NotFound, null, string.Empty));
        }

        if ((project.Domains ?? []).FirstOrDefault(d => d.Host == host) is not { } domain)
        {
            return Problem(new PublishOutcome(ProjectOutcome.NotFound, project, $"This site has no domain {host}."));
        }

        // The check leaves the building, so it runs before any transaction opens.
        if (!domain.Verified && await verifier.CheckAsync(domain.Host, domain.Token, cancellationToken) is { } problem)
        {
            return Problem(new PublishOutcome(ProjectOutcome.Invalid, project, problem));
        }

        var outcome = await publisher.MarkDomainVerifiedAsync(services.Tenant, id, host, By(services), cancellationToken);
        map.Forget();
        return outcome.Outcome == ProjectOutcome.Ok
            ? TypedResults.Ok(Describe(outcome.Project!.Domains!.First(d => d.Host == host), outcome.Project, sites.Value))
            : Problem(outcome);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveDomainAsync(
        Guid id, string host, [AsParameters] ProjectServices services, PublishService publisher, DomainMap map, CancellationToken cancellationToken)
    {
        var outcome = await publisher.RemoveDomainAsync(services.Tenant, id, host, By(services), cancellationToken);
        map.Forget();
        return outcome.Outcome == ProjectOutcome.Ok ? TypedResults.NoContent() : Problem(outcome);
    }

    private static DomainResponse Describe(SiteDomain domain, ProjectState project, SitesOptions sites)
    {
        if (domain.Verified)
        {
            return new(domain.Host, Verified: true, Token: null, Instructions: null);
        }

        var target = sites.Domain.Length > 0 ? $"{project.Slug ?? project.Site?.Slug}.{sites.Domain}" : "this Navo server's name";
        return new(domain.Host, Verified: false, domain.Token,
            $"Add a CNAME record for {domain.Host} pointing at {target}. Once it has spread, verify: Navo then reaches itself through "
            + $"http://{domain.Host}{DomainMap.ChallengePath}/{domain.Token}.");
    }

    private static Actor By(ProjectServices services) => new(services.Tenant.UserId, "api");

    private static ProblemHttpResult Problem(PublishOutcome outcome) => outcome.Outcome switch
    {
        ProjectOutcome.NotFound when outcome.Project is not null =>
            TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Domain not found.", detail: outcome.Message),
        ProjectOutcome.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Project not found.",
            detail: "There is no project with that id in this workspace."),
        ProjectOutcome.Conflict or ProjectOutcome.VersionMoved =>
            TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The address is taken.", detail: outcome.Message),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The address could not be changed.", detail: outcome.Message),
    };
}
