namespace Navo.EventStore.Embedded;

/// <summary>Finds PostgreSQL's server programs: a configured folder, then the OS packages' folders, then PATH.</summary>
public static class PostgresBinaries
{
    /// <summary>What to tell a person when PostgreSQL is missing.</summary>
    public const string InstallHint =
        "PostgreSQL is not installed: run 'sudo apt-get install -y postgresql' (or set ConnectionStrings:Navo to a server you run).";

    /// <summary>The folder holding <c>initdb</c>, <c>pg_ctl</c> and <c>postgres</c>.</summary>
    /// <exception cref="PostgresNotInstalledException">When none is found.</exception>
    public static string Find(string? configuredFolder = null) => FindIn(Candidates(configuredFolder));

    /// <summary>
    /// The folder holding the client programs <c>pg_dump</c> and <c>pg_restore</c>, looked for in the same places as the
    /// server's (a machine with only the client package installed has them too).
    /// </summary>
    /// <exception cref="PostgresNotInstalledException">When none is found.</exception>
    public static string FindClient(string? configuredFolder = null) =>
        Candidates(configuredFolder).FirstOrDefault(HasClientPrograms) ?? throw new PostgresNotInstalledException();

    private static List<string> Candidates(string? configuredFolder)
    {
        var candidates = new List<string>();
        if (!string.IsNullOrWhiteSpace(configuredFolder))
        {
            candidates.Add(configuredFolder);
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            candidates.AddRange(Directory.GetDirectories(debianRoot)
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var major) ? major : 0)
                .Select(d => Path.Combine(d, "bin")));
        }

        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        return candidates;
    }

    /// <summary>The first of <paramref name="folders"/> holding the server programs.</summary>
    /// <exception cref="PostgresNotInstalledException">When none does.</exception>
    public static string FindIn(IEnumerable<string> folders) =>
        folders.FirstOrDefault(HasServerPrograms) ?? throw new PostgresNotInstalledException();

    private static bool HasServerPrograms(string folder) =>
        File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl"));

    private static bool HasClientPrograms(string folder) =>
        File.Exists(Path.Combine(folder, "pg_dump")) && File.Exists(Path.Combine(folder, "pg_restore"));
}

/// <summary>PostgreSQL's server programs were not found.</summary>
public sealed class PostgresNotInstalledException() : EventStoreException(PostgresBinaries.InstallHint);
