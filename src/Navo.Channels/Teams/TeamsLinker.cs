using Navo.Channels.Links;
using Navo.EventStore;
using Npgsql;

namespace Navo.Channels.Teams;

/// <summary>
/// A confirmed link of a Teams user (their Microsoft Entra tenant and object id): they act as the member from now on.
/// The first link of an organisation connects it to the confirming member's workspace, so only an owner may confirm
/// it; later links are for that workspace only.
/// </summary>
public sealed class TeamsLinker : IChannelLinker
{
    public const string ChannelName = "teams";

    /// <summary>The role that may connect an organisation to its workspace.</summary>
    private const string OwnerRole = "owner";

    public string Channel => ChannelName;

    public async Task<bool> LinkAsync(NpgsqlConnection connection, ChannelIdentity identity, string? tokenTenantId, TenantContext member, CancellationToken cancellationToken)
    {
        if (tokenTenantId is null
            ? !member.Roles.Contains(OwnerRole) || !await TeamsStore.InstallAsync(connection, identity.Scope, member.TenantId, member.UserId, cancellationToken)
            : tokenTenantId != member.TenantId)
        {
            return false;
        }

        await TeamsStore.LinkAsync(connection, identity.Scope, identity.User, member.TenantId, member.UserId, cancellationToken);
        return true;
    }
}
