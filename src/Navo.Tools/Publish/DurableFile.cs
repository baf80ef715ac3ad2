using System.Runtime.InteropServices;

namespace Navo.Tools.Publish;

/// <summary>
/// Writes a file so that once the call returns it survives a power cut whole or not at all: the bytes go to a temporary
/// name and are flushed to the disk (<c>fsync</c>), the temporary is renamed into place, and the folder — which holds
/// the name — is flushed too (and its parent, when the folder is new). Without the first flush a crash can leave the
/// new name on an empty file; without the last, the rename itself can be lost. .NET opens no handle on a folder, so
/// that flush calls the C library.
/// </summary>
/// <remarks>
/// A write that fails before the rename leaves nothing: neither the temporary nor the new name. One whose folder flush
/// fails throws but leaves the new name: its bytes are whole, only whether the name survives a power cut is unsure, and
/// files are shared by content, so the same name may be another writer's committed file. A caller that finds the name
/// already there calls <see cref="FlushAgain"/> rather than trusting it.
/// </remarks>
public static class DurableFile
{
    public static async Task WriteAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var newFolder = !Directory.Exists(folder);
        Directory.CreateDirectory(folder);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1, FileOptions.Asynchronous))
            {
                await file.WriteAsync(content, cancellationToken);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }

        SyncFolder(folder);
        if (newFolder)
        {
            SyncFolder(Path.GetDirectoryName(folder)!);
        }
    }

    /// <summary>
    /// Flushes a file that is already in place, its folder and the folder above, as <see cref="WriteAsync"/> does: it
    /// may be one whose folder flush failed. Cheap when nothing is waiting to be written.
    /// </summary>
    public static void FlushAgain(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Sync(path, "file");
        SyncFolder(folder);
        SyncFolder(Path.GetDirectoryName(folder)!);
    }

    /// <summary>Flushes a folder's entries (the names in it) to the disk.</summary>
    public static void SyncFolder(string folder) => Sync(folder, "folder");

    private static void Sync(string path, string what)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS() && !OperatingSystem.IsFreeBSD())
        {
            // Windows commits a rename's metadata with the file system's journal; it has no folder flush.
            return;
        }

        var handle = NativeMethods.open(System.Text.Encoding.UTF8.GetBytes(path + "\0"), NativeMethods.ReadOnly);
        if (handle < 0)
        {
            throw new IOException($"The {what} {path} could not be opened to flush it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (NativeMethods.fsync(handle) != 0)
            {
                throw new IOException($"The {what} {path} could not be flushed to the disk (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = NativeMethods.close(handle);
        }
    }

    private static class NativeMethods
    {
        public const int ReadOnly = 0;

        [DllImport("libc", SetLastError = true)]
#pragma warning disable SYSLIB1054, CA5392 // LibraryImport would need unsafe code in this project for three calls that take no strings; libc is the system's.
        public static extern int open(byte[] path, int flags);

        [DllImport("libc", SetLastError = true)]
        public static extern int fsync(int fd);

        [DllImport("libc", SetLastError = true)]
        public static extern int close(int fd);
#pragma warning restore SYSLIB1054, CA5392
    }
}
