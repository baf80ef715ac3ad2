using System.Reflection;

namespace Navo.EventStore.Schema;

/// <summary>One step of schema, applied once per database and recorded by <see cref="Id"/>.</summary>
/// <param name="Id">A stable name, such as <c>tools/0001_projects</c>. Never rename one that shipped.</param>
/// <param name="Sql">Idempotent SQL: a re-run after a crash mid-way must succeed.</param>
public sealed record SchemaMigration(string Id, string Sql)
{
    /// <summary>
    /// Loads every embedded <c>Sql/*.sql</c> resource of <paramref name="assembly"/> in name order,
    /// with ids <c>{prefix}/{file name without extension}</c>.
    /// </summary>
    public static IReadOnlyList<SchemaMigration> FromEmbeddedSql(Assembly assembly, string prefix)
    {
        var migrations = new List<SchemaMigration>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".sql", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var fileName = Path.GetFileNameWithoutExtension(name);
            var shortName = fileName[(fileName.LastIndexOf('.') + 1)..];
            migrations.Add(new SchemaMigration($"{prefix}/{shortName}", reader.ReadToEnd()));
        }

        return migrations;
    }
}
