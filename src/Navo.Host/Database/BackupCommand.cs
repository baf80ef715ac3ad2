using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Navo.EventStore;
using Navo.EventStore.Embedded;
using Npgsql;

namespace Navo.Host.Database;

/// <summary>
/// <c>backup &lt;file&gt;</c> and <c>restore &lt;file&gt; [--force]</c>, with the host's configuration (docs/operations.md).
/// A backup is one gzipped tar: a manifest first (every entry's size and SHA-256), then a <c>pg_dump</c> of the database
/// in custom format, then the files under the data folder a restored host needs: the published files (<c>sites/</c>),
/// the Data Protection key ring (<c>keys/</c>) and the access tokens' signing key. A restore checks every byte against
/// the manifest and the dump with <c>pg_restore --list</c> before it changes anything, loads the database in one
/// transaction, and only then moves the files into place, so a bad file leaves nothing half-restored.
/// </summary>
public static class BackupCommand
{
    private const string ManifestName = "navo-backup.json";
    private const string DumpName = "database.dump";
    private const string FilesPrefix = "files/";
    private const int FormatVersion = 1;

    /// <summary>What a backup takes from the data folder: folders (everything under them) and single files.</summary>
    private static readonly string[] Folders = ["sites", "keys"];
    private static readonly string[] SingleFiles = ["auth-signing-key"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<int> BackupAsync(string[] args, TextWriter output, TextWriter errors)
    {
        if (args is not [var file, .. var rest] || file.StartsWith("--", StringComparison.Ordinal))
        {
            await errors.WriteLineAsync("usage: backup <file>   (with the host's configuration: ConnectionStrings__Navo or Navo__DataPath)");
            return 2;
        }

        file = Path.GetFullPath(file);
        var settings = Settings.From(rest);
        var staging = Directory.CreateTempSubdirectory("navo-backup-").FullName;
        try
        {
            await using var database = await settings.OpenDatabaseAsync();
            var dump = Path.Combine(staging, DumpName);
            await PostgresDump.Find(settings.PostgresBinaries).DumpAsync(database.ConnectionString, dump, CancellationToken.None);

            // Published files are named by their content and never change, so files taken after the dump hold every file it points at.
            List<(string Name, string Path)> entries = [(DumpName, dump)];
            entries.AddRange(DataFiles(settings.DataPath));
            var manifest = new Manifest(FormatVersion, DateTimeOffset.UtcNow,
                entries.Select(e => new ManifestEntry(e.Name, new FileInfo(e.Path).Length, Sha256(e.Path))).ToList());

            // Written beside the target and renamed into place: an interrupted backup never leaves a file that looks whole.
            var partial = file + ".partial";
            await WriteArchiveAsync(partial, manifest, entries);
            File.Move(partial, file, overwrite: true);
            await output.WriteLineAsync(
                $"Backed up the database and {entries.Count - 1} files to {file} ({new FileInfo(file).Length:N0} bytes).");
            return 0;
        }
        catch (Exception failure) when (failure is EventStoreException or NpgsqlException or IOException or UnauthorizedAccessException)
        {
            await errors.WriteLineAsync($"The backup failed: {failure.Message}");
            return 1;
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    public static async Task<int> RestoreAsync(string[] args, TextWriter output, TextWriter errors)
    {
        var force = args.Contains("--force");
        args = args.Where(a => a != "--force").ToArray();
        if (args is not [var file, .. var rest] || file.StartsWith("--", StringComparison.Ordinal))
        {
            await errors.WriteLineAsync("usage: restore <file> [--force]   (into the data folder and database the host is configured with)");
            return 2;
        }

        file = Path.GetFullPath(file);
        var settings = Settings.From(rest);
        Directory.CreateDirectory(settings.DataPath);
        // Staged inside the data folder, so that putting the files in place is a rename on the same file system.
        var staging = Path.Combine(settings.DataPath, $".restore-{Guid.NewGuid():N}");
        try
        {
            if (!File.Exists(file))
            {
                throw new RestoreRefusedException($"There is no backup at {file}.");
            }

            if (!force && Folders.Concat(SingleFiles).FirstOrDefault(name => HasContent(Path.Combine(settings.DataPath, name))) is { } taken)
            {
                throw new RestoreRefusedException(
                    $"The data folder {settings.DataPath} already holds '{taken}': restore into a fresh data folder, or pass --force to replace what is there.");
            }

            var fileCount = await ExtractAndVerifyAsync(file, staging);
            var dumps = PostgresDump.Find(settings.PostgresBinaries);
            var dump = Path.Combine(staging, DumpName);
            if (!await dumps.IsReadableAsync(dump, CancellationToken.None))
            {
                throw new RestoreRefusedException($"{file} is not a Navo backup pg_restore can read: nothing was restored.");
            }

            await using var database = await settings.OpenDatabaseAsync();
            var tables = await CountTablesAsync(database.ConnectionString);
            if (tables > 0 && !force)
            {
                throw new RestoreRefusedException(
                    $"The database already holds {tables} tables: restore into an empty database, or pass --force to replace it.");
            }

            await dumps.RestoreAsync(database.ConnectionString, dump, replace: tables > 0, CancellationToken.None);
            var setAside = PutFilesInPlace(staging, settings.DataPath);
            await output.WriteLineAsync($"Restored the database and {fileCount} files from {file} into {settings.DataPath}." +
                (setAside is null ? string.Empty : $" What was there before is in {setAside}."));
            return 0;
        }
        catch (Exception failure) when (failure is RestoreRefusedException or EventStoreException or NpgsqlException or IOException or UnauthorizedAccessException)
        {
            await errors.WriteLineAsync(failure is RestoreRefusedException ? failure.Message : $"The restore failed, and nothing was restored: {failure.Message}");
            return 1;
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>The files a backup takes, as (entry name, path on disk); files still being written (<c>*.tmp</c>) are skipped.</summary>
    private static IEnumerable<(string Name, string Path)> DataFiles(string dataPath)
    {
        foreach (var folder in Folders.Select(f => Path.Combine(dataPath, f)).Where(Directory.Exists))
        {
            foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (!path.EndsWith(".tmp", StringComparison.Ordinal))
                {
                    yield return (FilesPrefix + Path.GetRelativePath(dataPath, path).Replace('\\', '/'), path);
                }
            }
        }

        foreach (var name in SingleFiles.Where(n => File.Exists(Path.Combine(dataPath, n))))
        {
            yield return (FilesPrefix + name, Path.Combine(dataPath, name));
        }
    }

    private static async Task WriteArchiveAsync(string path, Manifest manifest, IEnumerable<(string Name, string Path)> entries)
    {
        // The backup holds password hashes and the key ring: readable by its owner alone, like the keys themselves.
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var file = new FileStream(path, options))
        {
            await using (var gzip = new GZipStream(file, CompressionLevel.Fastest, leaveOpen: true))
            await using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
            {
                var manifestEntry = new PaxTarEntry(TarEntryType.RegularFile, ManifestName)
                {
                    DataStream = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(manifest, Json)),
                };
                await tar.WriteEntryAsync(manifestEntry);
                foreach (var (name, source) in entries)
                {
                    await tar.WriteEntryAsync(source, name);
                }
            }

            file.Flush(flushToDisk: true);
        }
    }

    /// <summary>
    /// Unpacks <paramref name="file"/> into <paramref name="staging"/>, refusing it unless the manifest comes first, every
    /// entry is a plain file with a safe name that the manifest lists with its size and hash, and none is missing.
    /// </summary>
    private static async Task<int> ExtractAndVerifyAsync(string file, string staging)
    {
        Directory.CreateDirectory(staging);
        var refused = $"{file} is not a whole Navo backup (it is damaged, cut short or something else): nothing was restored.";
        try
        {
            await using var stream = File.OpenRead(file);
            await using var gzip = new GZipStream(stream, CompressionMode.Decompress);
            await using var tar = new TarReader(gzip);
            if (await tar.GetNextEntryAsync() is not { Name: ManifestName, DataStream: { } manifestData })
            {
                throw new RestoreRefusedException(refused);
            }

            var manifest = await JsonSerializer.DeserializeAsync<Manifest>(manifestData, Json);
            if (manifest is not { Format: FormatVersion, Entries: { } listed })
            {
                throw new RestoreRefusedException(
                    manifest is { Format: > FormatVersion } ? $"{file} was made by a newer Navo (format {manifest.Format}): restore it with that version." : refused);
            }

            var expected = listed.ToDictionary(e => e.Name, StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (await tar.GetNextEntryAsync() is { } entry)
            {
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || !IsSafeName(entry.Name)
                    || !expected.TryGetValue(entry.Name, out var listedEntry) || !seen.Add(entry.Name))
                {
                    throw new RestoreRefusedException(refused);
                }

                var target = Path.Combine(staging, entry.Name.Replace('/', Path.DirectorySeparatorChar));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                await using (var written = new FileStream(target, FileMode.CreateNew, FileAccess.Write))
                {
                    if (entry.DataStream is { } data)
                    {
                        await data.CopyToAsync(written);
                    }

                    written.Flush(flushToDisk: true);
                }

                if (!OperatingSystem.IsWindows())
                {
                    // As private as it was (the signing key and the key ring are 0600); never more open.
                    File.SetUnixFileMode(target, entry.Mode & (UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead));
                }

                if (new FileInfo(target).Length != listedEntry.Size || Sha256(target) != listedEntry.Sha256)
                {
                    throw new RestoreRefusedException(refused);
                }
            }

            if (seen.Count != expected.Count || !seen.Contains(DumpName))
            {
                throw new RestoreRefusedException(refused);
            }

            return seen.Count - 1;
        }
        catch (Exception damaged) when (damaged is InvalidDataException or JsonException or EndOfStreamException or FormatException or ArgumentException)
        {
            throw new RestoreRefusedException(refused);
        }
    }

    /// <summary>Only <c>database.dump</c> and relative paths under <c>files/</c> into the folders and files a backup takes.</summary>
    private static bool IsSafeName(string name)
    {
        if (name == DumpName)
        {
            return true;
        }

        if (!name.StartsWith(FilesPrefix, StringComparison.Ordinal) || name.Contains('\\') || name.Contains('\0'))
        {
            return false;
        }

        var parts = name[FilesPrefix.Length..].Split('/');
        return parts.All(p => p.Length > 0 && p != "." && p != "..")
            && (parts is [var single] ? SingleFiles.Contains(single) : Folders.Contains(parts[0]));
    }

    /// <summary>
    /// Renames the staged folders and files into the data folder. Anything already there (only with <c>--force</c>) is
    /// first moved aside into a dated folder, which is returned.
    /// </summary>
    private static string? PutFilesInPlace(string staging, string dataPath)
    {
        var staged = Path.Combine(staging, FilesPrefix.TrimEnd('/'));
        string? setAside = null;
        foreach (var name in Folders.Concat(SingleFiles))
        {
            var current = Path.Combine(dataPath, name);
            if (Directory.Exists(current) || File.Exists(current))
            {
                setAside ??= Path.Combine(dataPath, $"before-restore-{DateTime.UtcNow:yyyyMMddHHmmss}");
                Directory.CreateDirectory(setAside);
                Move(current, Path.Combine(setAside, name));
            }

            var restored = Path.Combine(staged, name);
            if (Directory.Exists(restored) || File.Exists(restored))
            {
                Move(restored, current);
            }
        }

        return setAside;
    }

    private static void Move(string from, string to)
    {
        if (File.Exists(from))
        {
            File.Move(from, to);
        }
        else
        {
            Directory.Move(from, to);
        }
    }

    private static bool HasContent(string path) =>
        File.Exists(path) || (Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any());

    private static async Task<long> CountTablesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace " +
            "where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private static string Sha256(string path)
    {
        using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(file));
    }

    private sealed record Manifest(int Format, DateTimeOffset CreatedAt, List<ManifestEntry> Entries);

    private sealed record ManifestEntry(string Name, long Size, string Sha256);

    /// <summary>Why a restore stops before it changes anything, in one sentence.</summary>
    private sealed class RestoreRefusedException(string message) : Exception(message);

    /// <summary>The host's configuration as far as these commands need it.</summary>
    private sealed record Settings(string DataPath, string? ConnectionString, string? PostgresBinaries)
    {
        public static Settings From(string[] args)
        {
            var configuration = WebApplication.CreateBuilder(args).Configuration;
            var options = configuration.GetSection(NavoOptions.Section).Get<NavoOptions>() ?? new NavoOptions();
            var connectionString = configuration.GetConnectionString("Navo");
            return new Settings(Path.GetFullPath(options.DataPath), string.IsNullOrWhiteSpace(connectionString) ? null : connectionString, options.PostgresBinaries);
        }

        /// <summary>The configured server, or the data folder's embedded cluster (started if it is not running, and then stopped again).</summary>
        public async Task<Database> OpenDatabaseAsync()
        {
            if (ConnectionString is { } configured)
            {
                return new Database(configured, null);
            }

            var cluster = await EmbeddedPostgres.StartAsync(DataPath, durable: true, PostgresBinaries);
            await cluster.CreateDatabaseAsync(NavoDatabase.EmbeddedDatabaseName);
            return new Database(cluster.ConnectionStringFor(NavoDatabase.EmbeddedDatabaseName), cluster.StartedHere ? cluster : null);
        }
    }

    private sealed record Database(string ConnectionString, EmbeddedPostgres? StartedHere) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            NpgsqlConnection.ClearAllPools();
            if (StartedHere is not null)
            {
                await StartedHere.DisposeAsync();
            }
        }
    }
}
