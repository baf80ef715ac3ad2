using Navo.Channels.Links;
using Navo.EventStore;
using Npgsql;

namespace Navo.Channels.Slack;

/// <summary>A confirmed link of a Slack user: they act as the member from now on (<c>navo_slack_links</c>).</summary>
public sealed class SlackLinker : IChannelLinker
{
    public const string ChannelName = "slack";

    public string Channel => ChannelName;

    /// <summary>Slack's tokens are always made for the installation's workspace, which the redeeming member belongs to.</summary>
    public async Task<bool> LinkAsync(NpgsqlConnection connection, ChannelIdentity identity, string? tokenTenantId, TenantContext member, CancellationToken cancellationToken)
    {
        if (tokenTenantId != member.TenantId)
        {
            return false;
        }

        await SlackStore.LinkAsync(connection, identity.Scope, identity.User, member.TenantId, member.UserId, cancellationToken);
        return true;
    }
}
