using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Hug.Tests.Support;

/// <summary>Runs a built example (examples/NAME) as a real process with <c>dotnet NAME.dll</c>.</summary>
public sealed partial class ExampleProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly StringBuilder error = new();

    private ExampleProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (error) error.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output { get { lock (output) return output.ToString(); } }
    public string Error { get { lock (error) return error.ToString(); } }
    public Process Process => process;

    /// <summary>The one line written to stderr (fails the test when there are more, or none).</summary>
    public string ErrorLine => Assert.Single(Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));

    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Hug.slnx"))) directory = directory.Parent;
            return directory?.FullName ?? throw new InvalidOperationException("repository root not found");
        }
    }

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    public static string ExampleDll(string name)
    {
        var path = Path.Combine(RepositoryRoot, "examples", name, "bin", Configuration, "net10.0", name + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the example first", path);
    }

    public static ExampleProcess Start(string example, IDictionary<string, string>? environment = null, params string[] args) =>
        StartDll(ExampleDll(example), environment, args);

    /// <summary>Starts the example in <paramref name="directory"/> (its content root: appsettings.json is read from there).</summary>
    public static ExampleProcess StartIn(string directory, string example, IDictionary<string, string>? environment, params string[] args) =>
        StartProgram("dotnet", [ExampleDll(example), .. args], environment, directory);

    /// <summary>Starts the example's <c>serve</c> on 127.0.0.1 and a free port (see <see cref="WaitForAddressAsync"/>).</summary>
    public static ExampleProcess Serve(string example) => Start(example, null, "serve", "--host", "127.0.0.1", "--port", "0");

    /// <summary>The built <c>hug</c> tool (src/Hug.Tool).</summary>
    public static string ToolDll => Path.Combine(RepositoryRoot, "src", "Hug.Tool", "bin", Configuration, "net10.0", "Hug.Tool.dll");

    public static ExampleProcess StartDll(string dll, IDictionary<string, string>? environment, params string[] args) =>
        StartProgram("dotnet", [dll, .. args], environment);

    /// <summary>Starts a native executable (a Native AOT build, see <see cref="NativeApp"/>).</summary>
    public static ExampleProcess StartNative(string executable, IDictionary<string, string>? environment, params string[] args) =>
        StartProgram(executable, args, environment);

    /// <summary>Starts <paramref name="program"/> in <paramref name="directory"/> (a README's <c>dotnet run -- serve</c>).</summary>
    public static ExampleProcess StartProgram(string program, string[] args, IDictionary<string, string>? environment, string? directory = null)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (directory is not null) info.WorkingDirectory = directory;
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment.Remove("ASPNETCORE_URLS");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;
        return new ExampleProcess(Process.Start(info)!);
    }

    /// <summary>Waits (bounded) for the start-up line and returns the first address it names.</summary>
    public async Task<Uri> WaitForAddressAsync(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + TestTimeouts.Scale(timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            var match = Address().Match(Output);
            if (match.Success) return new Uri(match.Groups[1].Value);
            if (process.HasExited) throw new InvalidOperationException($"exited {process.ExitCode}: {Output}{Error}");
            await Task.Delay(50);
        }
        throw new TimeoutException($"no start-up line: {Output}{Error}");
    }

    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(TestTimeouts.Scale(timeout ?? TimeSpan.FromSeconds(30)));
        await process.WaitForExitAsync(cancellation.Token);
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>SIGTERM, as a service manager or container runtime stops a process.</summary>
    public void Terminate() => Process.Start("kill", ["-TERM", process.Id.ToString()])!.WaitForExit();

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }

    [GeneratedRegex(@"on (https?://[^\s,]+)")]
    private static partial Regex Address();
}
