namespace Navo.Channels.Teams;

/// <summary>
/// A Bot Framework service URL that arrived in a validated token (<see cref="TeamsAuthentication.Admits"/>), or was
/// stored from one. Only Navo.Channels can make one, and <see cref="TeamsConnector"/> sends only to these: an activity
/// cannot send Navo's token, or a reply, anywhere else.
/// </summary>
public sealed record TrustedServiceUrl
{
    internal TrustedServiceUrl(string value) => Value = value.EndsWith('/') ? value : value + "/";

    public string Value { get; }

    public override string ToString() => Value;
}
