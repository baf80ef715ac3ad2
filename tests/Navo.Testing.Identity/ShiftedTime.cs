namespace Navo.Testing.Identity;

/// <summary>The system clock moved on by <see cref="Offset"/>: lets a test expire what the provider issued without waiting.</summary>
public sealed class ShiftedTime : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
