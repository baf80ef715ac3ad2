namespace Navo.Tools.Generate;

/// <summary>What Navo understood about a business from the user's own words.</summary>
public sealed record Brief(
    string BusinessName,
    string Industry,
    string? Place,
    IReadOnlyList<string> Offerings,
    string? Audience,
    string Tone,
    string Description);
