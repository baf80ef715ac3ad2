using System.Diagnostics;
using System.Net;

namespace Navo.Testing;

/// <summary>
/// The real host as its own OS process (as <c>./build.sh run</c> starts it), so that tests can stop it
/// gracefully or kill it outright and start it again on the same data folder.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    private HostProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The host's process id (for a tool that attaches to it, such as strace).</summary>
    public int Id => _process.Id;

    /// <summary>The last thousand lines the host wrote (standard output and error), for a test to show when it fails.</summary>
    public IReadOnlyCollection<string> Output => _output;

    /// <summary>The host process's resident memory now, in bytes.</summary>
    public long WorkingSet
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    public HttpClient CreateClient() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>
    /// Brings the schema up to date with the <c>migrate</c> command, as an operator does before starting a Production host,
    /// then starts the host on a free port with <paramref name="dataPath"/> and waits until /health answers.
    /// </summary>
    public static async Task<HostProcess> StartAsync(string dataPath, params string[] extraArguments)
    {
        // A build from before the move to Marten (no Marten.dll beside it) has no migrate command: it applied its
        // schema at start-up.
        if (HostOverride is null || File.Exists(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(HostOverride))!, "Marten.dll")))
        {
            await MigrateAsync(dataPath, extraArguments);
        }

        var port = LoopbackPort.Free();
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataPath,
        };
        start.ArgumentList.Add(HostAssemblyPath());
        foreach (var argument in new[] { "--urls", address.ToString(), "--Navo:DataPath", dataPath }.Concat(extraArguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("ConnectionStrings__Navo");
        var process = Process.Start(start)!;
        var host = new HostProcess(process, address);
        process.OutputDataReceived += (_, line) => host.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => host.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var client = host.CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with code {process.ExitCode} while starting.");
            }

            try
            {
                if ((await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        await host.KillAsync();
        throw new TimeoutException("The host did not become healthy within 90 seconds.");
    }

    /// <summary>
    /// Runs one of the host's commands (<c>backup</c>, <c>restore</c>, …) to its end in <paramref name="dataPath"/>, on the
    /// embedded cluster, and returns its exit code and what it printed to standard output and standard error.
    /// </summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunCommandAsync(string dataPath, params string[] arguments)
    {
        Directory.CreateDirectory(dataPath);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataPath,
        };
        foreach (var argument in new[] { HostAssemblyPath() }.Concat(arguments).Concat(["--Navo:DataPath", dataPath]))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("ConnectionStrings__Navo");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }

    private static async Task MigrateAsync(string dataPath, string[] extraArguments)
    {
        var (exitCode, output, errors) = await RunCommandAsync(dataPath, ["migrate", .. extraArguments]);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"migrate exited with code {exitCode}: {output}{errors}");
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 1000)
        {
            _output.TryDequeue(out _);
        }
    }

    /// <summary>kill -9: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>SIGTERM, as a service manager or Ctrl+C would stop it, then waits for it to exit.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    /// <summary>Another build of the host to run instead of this checkout's (benchmarks compare two builds in one run).</summary>
    public static string? HostOverride { get; set; }

    private static string HostAssemblyPath()
    {
        if (HostOverride is { } other)
        {
            return File.Exists(other) ? Path.GetFullPath(other) : throw new FileNotFoundException("No host build there.", other);
        }

        var testOutput = new DirectoryInfo(AppContext.BaseDirectory);
        // {tests|bench}/{Project}/bin/{Configuration}/{tfm}/
        var tfm = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var root = RepositoryRoot.Path;
        var path = Path.Combine(root, "src", "Navo.Host", "bin", configuration, tfm, "Navo.Host.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution first: the host was not found.", path);
    }

}
