using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Navo.Testing;
using Navo.Tools.Publish;

namespace Navo.Tools.Tests.Publish;

/// <summary>
/// A published file is on the disk before anything can point at it: the system calls the storage makes are watched
/// with strace (attached to this test process) and must be, in order, the temporary file flushed, renamed into place,
/// and its folder flushed. Without the flushes a power cut could leave a live pointer to an empty file.
/// </summary>
public sealed partial class DurableFileTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("navo-durable-").FullName;

    [Fact]
    public async Task A_published_file_is_flushed_then_renamed_into_place_then_its_folder_is_flushed()
    {
        var storage = new FileSiteStorage(_root);
        var content = RandomNumberGenerator.GetBytes(4096);
        var trace = Path.Combine(_root, "strace.txt");

        string key;
        using (await StraceAsync(trace))
        {
            key = await storage.PutAsync(content, CancellationToken.None);
            await Task.Delay(300);
        }

        var final = Path.Combine(_root, key[..2], key[2..]);
        (await File.ReadAllBytesAsync(final)).Should().Equal(content);
        Directory.GetFiles(Path.GetDirectoryName(final)!, "*.tmp").Should().BeEmpty("the temporary name is gone after the rename");

        var lines = await WaitForAsync(trace, final);
        var temporaryOpen = lines.FindIndex(l => l.Contains($"\"{final}.", StringComparison.Ordinal) && l.Contains(".tmp\"", StringComparison.Ordinal) && l.Contains("openat(", StringComparison.Ordinal));
        temporaryOpen.Should().BeGreaterThanOrEqualTo(0, string.Join('\n', lines));
        var fileHandle = Handle(lines[temporaryOpen]);
        var fileFlush = lines.FindIndex(temporaryOpen, l => Flushes(l, fileHandle));
        var rename = lines.FindIndex(temporaryOpen, l => l.Contains("rename", StringComparison.Ordinal) && l.Contains($"\"{final}\"", StringComparison.Ordinal));
        var folderOpen = lines.FindIndex(Math.Max(rename, 0), l => l.Contains("openat(", StringComparison.Ordinal) && l.Contains($"\"{Path.GetDirectoryName(final)}\"", StringComparison.Ordinal));
        folderOpen.Should().BeGreaterThan(0, string.Join('\n', lines));
        var folderFlush = lines.FindIndex(folderOpen, l => Flushes(l, Handle(lines[folderOpen])));

        fileFlush.Should().BeGreaterThan(temporaryOpen, "the bytes are flushed before the rename");
        rename.Should().BeGreaterThan(fileFlush, "the rename comes after the flush");
        folderOpen.Should().BeGreaterThan(rename);
        folderFlush.Should().BeGreaterThan(folderOpen, "the folder holding the new name is flushed after the rename");
    }

    [Fact]
    public async Task A_file_whose_folder_flush_fails_is_left_for_the_publish_sharing_it_and_flushed_again_by_the_next()
    {
        var storage = new FileSiteStorage(_root);
        var content = RandomNumberGenerator.GetBytes(4096);
        var key = await storage.PutAsync(content, CancellationToken.None);
        var final = Path.Combine(_root, key[..2], key[2..]);
        var folder = Path.GetDirectoryName(final)!;
        var trace = Path.Combine(_root, "strace.txt");

        // A second publish writes the same bytes (the same stylesheet, another site) and the flush of their folder fails.
        await using (await Strace.AttachAsync(Environment.ProcessId, trace, "-y", "-P", folder, "-e", "trace=fsync,fdatasync", "-e", "inject=fsync,fdatasync:error=EIO"))
        {
            var write = () => DurableFile.WriteAsync(final, content, CancellationToken.None);
            await write.Should().ThrowAsync<IOException>("whether the name would survive a power cut is unsure");
        }

        (await File.ReadAllTextAsync(trace)).Should().Contain($"<{folder}>) = -1 EIO (Input/output error) (INJECTED)");
        (await File.ReadAllBytesAsync(final)).Should().Equal(content, "the first publish's file, which a live site may point at, stays");
        Directory.GetFiles(folder).Should().Equal([final], "no temporary is left");

        // The next publish that needs the file finds it there and flushes its folder again instead of trusting it.
        var again = Path.Combine(_root, "strace-again.txt");
        await using (await Strace.AttachAsync(Environment.ProcessId, again, "-y", "-P", folder, "-e", "trace=fsync,fdatasync"))
        {
            (await storage.PutAsync(content, CancellationToken.None)).Should().Be(key);
        }

        (await File.ReadAllLinesAsync(again)).Should().Contain(l => l.Contains("fsync(", StringComparison.Ordinal) && l.EndsWith($"<{folder}>) = 0", StringComparison.Ordinal));
    }

    private static bool Flushes(string line, string handle) =>
        line.Contains($"fsync({handle}", StringComparison.Ordinal) || line.Contains($"fdatasync({handle}", StringComparison.Ordinal);

    private static string Handle(string openLine) => ResultOf().Match(openLine).Groups[1].Value;

    [GeneratedRegex(@"= (\d+)\s*$")]
    private static partial Regex ResultOf();

    /// <summary>strace on every thread of this process, from now until disposed.</summary>
    private static async Task<IDisposable> StraceAsync(string output)
    {
        var start = new ProcessStartInfo("strace") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-f", "-qq", "-e", "trace=openat,fsync,fdatasync,rename,renameat,renameat2", "-o", output, "-p", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        var strace = Process.Start(start)!;
        strace.ErrorDataReceived += (_, _) => { };
        strace.BeginErrorReadLine();
        // Attaching to every thread takes a moment; a trace file that has begun means it is in place.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline && !(File.Exists(output) && new FileInfo(output).Length > 0) && !strace.HasExited)
        {
            await Task.Delay(50);
        }

        await Task.Delay(500);
        strace.HasExited.Should().BeFalse("strace attaches to this process (it needs ptrace, which root has)");
        return new Detach(strace);
    }

    private sealed class Detach(Process strace) : IDisposable
    {
        public void Dispose()
        {
            using (var interrupt = Process.Start("kill", ["-INT", strace.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                interrupt.WaitForExit();
            }

            strace.WaitForExit(10_000);
            strace.Dispose();
        }
    }

    private static async Task<List<string>> WaitForAsync(string trace, string final)
    {
        var lines = (await File.ReadAllLinesAsync(trace)).ToList();
        lines.Should().Contain(l => l.Contains(final, StringComparison.Ordinal), "strace saw the storage's calls");
        return lines;
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
