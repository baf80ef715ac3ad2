using System.Text.RegularExpressions;
using Marten;

namespace Navo.EventStore;

/// <summary>How Navo's projections write their read tables: SQL queued into the batch Marten commits the events with.</summary>
public static partial class ProjectionSql
{
    /// <summary>
    /// Queues one statement with positional parameters (<c>$1</c>, <c>$2</c>, ... as everywhere else in Navo) into the
    /// append's batch: it commits or rolls back with the events. Null values are sent as SQL null. The statement must
    /// return no rows (an insert, update, delete or <c>call</c>, not a <c>select</c>): Marten reads the batch's results in order.
    /// </summary>
    public static void Execute(this IDocumentOperations operations, string sql, params object?[] parameters)
    {
        // Marten binds '?' placeholders in order: each $n becomes one, with its value, however often it appears.
        var values = new List<object>();
        var text = Positional().Replace(sql, match =>
        {
            values.Add(parameters[int.Parse(match.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture) - 1] ?? DBNull.Value);
            return "?";
        });
        operations.QueueSqlCommand(text, [.. values]);
    }

    [GeneratedRegex(@"\$(\d+)")]
    private static partial Regex Positional();
}
