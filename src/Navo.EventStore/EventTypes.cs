using System.Collections.Concurrent;
using System.Text;

namespace Navo.EventStore;

/// <summary>
/// The registry of event types: each C# record is stored under a snake_case alias of its name
/// (<c>SiteGenerated</c> -> <c>site_generated</c>), the value of <c>mt_events.type</c>.
/// A session reading an event whose type this version does not know fails loudly with <see cref="UnknownEventTypeException"/>.
/// </summary>
public sealed class EventTypes
{
    private readonly ConcurrentDictionary<string, Type> _byAlias = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, string> _byType = new();

    /// <summary>
    /// Registers <typeparamref name="T"/> under its snake_case alias; from its second shape on, under the alias with the
    /// shape's number (<c>site_generated_v2</c>), while the events of its first shape keep theirs and are upcast as they
    /// are read (see <see cref="EventStoreOptions.Marten"/>).
    /// </summary>
    public EventTypes Add<T>(int shape = 1) => Add(typeof(T), shape);

    /// <summary>Registers a type under its alias; registering the same type twice is harmless.</summary>
    public EventTypes Add(Type type, int shape = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shape, 1);
        var alias = ToSnakeCase(type.Name) + (shape > 1 ? "_v" + shape.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty);
        var existing = _byAlias.GetOrAdd(alias, type);
        if (existing != type)
        {
            throw new ArgumentException($"The alias '{alias}' is already used by {existing.FullName}.", nameof(type));
        }

        _byType[type] = alias;
        return this;
    }

    /// <summary>Every registered type with its alias.</summary>
    public IEnumerable<KeyValuePair<Type, string>> All => _byType;

    /// <summary>The alias of a registered type.</summary>
    public string AliasOf(Type type) =>
        _byType.TryGetValue(type, out var alias)
            ? alias
            : throw new EventStoreException($"{type.FullName} is not a registered event type: add it with EventTypes.Add<T>().");

    /// <summary><c>SiteGenerated</c> -> <c>site_generated</c>; <c>HTTPCalled</c> -> <c>http_called</c>.</summary>
    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previousIsLower = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (i > 0 && (previousIsLower || (nextIsLower && char.IsUpper(name[i - 1]))))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
