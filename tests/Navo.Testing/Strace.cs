using System.Diagnostics;
using System.Globalization;

namespace Navo.Testing;

/// <summary>
/// strace attached to a running process and every thread of it, until disposed: to watch its system calls, or to
/// tamper with them as a failing machine would (<c>-e inject=fsync:error=ENOSPC</c>: a full disk;
/// <c>-e inject=rename:signal=SIGKILL</c>: kill -9 at that exact call). Attaching needs ptrace, which root has.
/// </summary>
public sealed class Strace : IAsyncDisposable
{
    private readonly Process _strace;

    private Strace(Process strace, string output)
    {
        _strace = strace;
        Output = output;
    }

    /// <summary>The file strace writes the calls it saw to.</summary>
    public string Output { get; }

    /// <summary>Attaches to <paramref name="processId"/> with <paramref name="filters"/> (strace's own arguments) and waits until it is in place.</summary>
    public static async Task<Strace> AttachAsync(int processId, string output, params string[] filters)
    {
        var start = new ProcessStartInfo("strace") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-f", "-o", output }.Concat(filters).Concat(["-p", processId.ToString(CultureInfo.InvariantCulture)]))
        {
            start.ArgumentList.Add(argument);
        }

        var strace = Process.Start(start)!;
        // strace says "Process N attached with M threads" once every thread is held.
        var attached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        strace.ErrorDataReceived += (_, line) =>
        {
            if (line.Data?.Contains("attached", StringComparison.Ordinal) == true)
            {
                attached.TrySetResult();
            }
        };
        strace.BeginErrorReadLine();
        await Task.WhenAny(attached.Task, strace.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
        if (!attached.Task.IsCompleted)
        {
            await new Strace(strace, output).DisposeAsync();
            throw new InvalidOperationException($"strace did not attach to process {processId}.");
        }

        return new Strace(strace, output);
    }

    /// <summary>
    /// Detaches (the traced process goes on), or lets strace end when the traced process has died. A strace that does not
    /// end is killed: until it is, the threads of a traced process it killed are never reaped, and the process never
    /// exits for its parent.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (!_strace.HasExited)
        {
            using var interrupt = Process.Start("kill", ["-INT", _strace.Id.ToString(CultureInfo.InvariantCulture)]);
            await interrupt.WaitForExitAsync();
        }

        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15)))
        {
            try
            {
                await _strace.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _strace.Kill();
                await _strace.WaitForExitAsync();
            }
        }

        _strace.Dispose();
    }
}
