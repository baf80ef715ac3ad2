namespace Navo.Host.Tests.Support;

/// <summary>The host as <c>./build.sh run</c> starts it: in Development, with the developer exception page.</summary>
public sealed class DevelopmentHostFactory : NavoHostFactory
{
    protected override string EnvironmentName => "Development";
}

/// <summary>The host as a server runs it: in Production.</summary>
public sealed class ProductionHostFactory : NavoHostFactory
{
    protected override string EnvironmentName => "Production";
}
