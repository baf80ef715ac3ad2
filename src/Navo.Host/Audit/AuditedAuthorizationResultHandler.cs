using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Navo.Host.Identity;

namespace Navo.Host.Audit;

/// <summary>Records in the audit log every request a member's role did not allow, then answers 403 as usual.</summary>
public sealed class AuditedAuthorizationResultHandler(AuditLog audit) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.User.Member() is { } member)
        {
            var endpoint = context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? context.Request.Path.Value;
            await audit.WriteAsync(member.TenantId, new AuditRecord(member.UserId, Kind(context), "http." + endpoint, null, "denied",
                new { role = member.Role }), context.RequestAborted);
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }

    /// <summary>Whether the caller is a person or an API key.</summary>
    public static string Kind(HttpContext context) => context.User.FindFirst(NavoClaims.ApiKeyId) is null ? "user" : "api-key";
}
