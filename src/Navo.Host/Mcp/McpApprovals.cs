using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Navo.Agent.Conversations;
using Navo.EventStore;

namespace Navo.Host.Mcp;

/// <summary>
/// The user's yes over MCP. A call that needs it is answered with an elicitation (the protocol's multi round-trip
/// request): the question in the chat's own words and one yes-or-no field. The client shows it to the user and sends
/// the same call again with the answer and the state Navo gave it. That state is signed and expires: it names the
/// workspace, the user, the tool, the exact arguments, the question, and the member's MCP conversation as it stood (its
/// stream version and current project), so an answer cannot be moved to another call, another member, another site, a
/// later version of the site or a later day; and since the call it was for appends to the conversation, it is spent
/// once used. An assistant's own say-so (an argument, a made-up answer without the state) is never a yes.
/// </summary>
public sealed class McpApprovals(IDataProtectionProvider protection, TimeProvider time)
{
    /// <summary>The key of the question in the round trip.</summary>
    public const string Key = "approval";

    /// <summary>The yes-or-no field of the question.</summary>
    public const string Field = "confirm";

    /// <summary>How long a question waits for its answer.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("Navo.Mcp.Approval").ToTimeLimitedDataProtector();

    /// <summary>Whether the client can put a question to its user within this request.</summary>
    public static bool CanAsk(McpServer server) =>
        server.ClientCapabilities?.Elicitation is not null && (server.IsMrtrSupported || server.SessionId is not null);

    /// <summary>Asks the user: always throws, with the question the client is to put to them.</summary>
    public CallToolResult Ask(TenantContext tenant, DirectCall call, CallGate gate, string question)
    {
        var state = new State(tenant.TenantId, tenant.UserId, call.Name, Digest(call), question, gate.Version, gate.ProjectId);
        var request = new ElicitRequestParams
        {
            Message = question.Replace(" Reply yes or no.", string.Empty, StringComparison.Ordinal),
            RequestedSchema = new()
            {
                Properties = new Dictionary<string, ElicitRequestParams.PrimitiveSchemaDefinition>
                {
                    [Field] = new ElicitRequestParams.BooleanSchema { Title = "Yes, go ahead", Description = "Tick to go ahead; leave it to change nothing." },
                },
                Required = [Field],
            },
        };
        throw new InputRequiredException(
            new Dictionary<string, InputRequest> { [Key] = InputRequest.ForElicitation(request) },
            _protector.Protect(JsonSerializer.Serialize(state), time.GetUtcNow().Add(Lifetime)));
    }

    /// <summary>
    /// The user's answer to the question for exactly this call in the conversation as <paramref name="gate"/> found it,
    /// or null when the request carries none (or one that is not Navo's, was for another call or member, was asked
    /// before the conversation last moved, or has expired).
    /// </summary>
    public CallApproval? Answer(RequestContext<CallToolRequestParams> request, TenantContext tenant, DirectCall call, CallGate gate)
    {
        if (request.Params?.RequestState is not { Length: > 0 } protectedState
            || request.Params.InputResponses?.TryGetValue(Key, out var response) != true || response is null)
        {
            return null;
        }

        State? state;
        try
        {
            state = JsonSerializer.Deserialize<State>(_protector.Unprotect(protectedState, out var expires));
            if (expires < time.GetUtcNow())
            {
                return null;
            }
        }
        catch (Exception unreadable) when (unreadable is CryptographicException or JsonException)
        {
            return null;
        }

        if (state is null || state.TenantId != tenant.TenantId || state.UserId != tenant.UserId || state.Name != call.Name || state.Arguments != Digest(call)
            || state.Version != gate.Version || state.ProjectId != gate.ProjectId)
        {
            return null;
        }

        var answer = response.Deserialize(InputResponse.ElicitResultJsonTypeInfo);
        var given = answer is { IsAccepted: true, Content: { } content }
            && content.TryGetValue(Field, out var value) && value.ValueKind == JsonValueKind.True;
        return new CallApproval(state.Question, given, state.Version, state.ProjectId);
    }

    /// <summary>The arguments, in a form that does not depend on the order the client wrote them in.</summary>
    private static string Digest(DirectCall call)
    {
        var canonical = JsonSerializer.Serialize(call.Arguments.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => new[] { a.Key, JsonSerializer.Serialize(a.Value) }));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(call.Name + "\n" + canonical)));
    }

    private sealed record State(string TenantId, Guid UserId, string Name, string Arguments, string Question, long Version, Guid? ProjectId);
}
