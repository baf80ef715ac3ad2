using System.Text.Json.Serialization;

namespace Navo.Tools;

/// <summary>
/// An enum read only by its names, as <see cref="JsonStringEnumMemberNameAttribute"/> spells them: a number (or a
/// number in quotes) is refused, so that <c>0</c> can never stand for the first member.
/// </summary>
public sealed class NamedEnumConverter<T>() : JsonStringEnumConverter<T>(namingPolicy: null, allowIntegerValues: false)
    where T : struct, Enum;
