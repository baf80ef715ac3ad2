using System.Diagnostics;

namespace Navo.EventStore.Embedded;

/// <summary>Runs a program to completion, optionally as another OS user, and fails with what it printed.</summary>
internal static class ProcessRunner
{
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string program, IEnumerable<string> arguments, string? asUser, CancellationToken cancellationToken, bool throwOnError = true,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asUser is null)
        {
            start.FileName = program;
        }
        else
        {
            start.FileName = "runuser";
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add(asUser);
            start.ArgumentList.Add("--");
            start.ArgumentList.Add(program);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Secrets such as a password go to the child's environment, never its command line (which any user can list).
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new EventStoreException($"Could not start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var output = (await stdout + await stderr).Trim();
        if (throwOnError && process.ExitCode != 0)
        {
            throw new EventStoreException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {output}");
        }

        return (process.ExitCode, output);
    }
}
