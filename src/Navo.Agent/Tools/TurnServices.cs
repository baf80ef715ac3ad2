namespace Navo.Agent.Tools;

/// <summary>
/// A turn's own service provider: its <see cref="TurnScope"/> (tenant, role, session, project, selection, channel),
/// and otherwise the host's services. The agent gives it to the turn's kernel, and the tools find their turn in it.
/// </summary>
public sealed class TurnServices(TurnScope scope, IServiceProvider services) : IServiceProvider
{
    public object? GetService(Type serviceType) => serviceType == typeof(TurnScope) ? scope : services.GetService(serviceType);

    /// <summary>The turn a tool is called in.</summary>
    public static TurnScope Scope(IServiceProvider services) =>
        services.GetService(typeof(TurnScope)) as TurnScope ?? throw new InvalidOperationException("Navo's tools run only within a turn.");
}
