using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Hug.Tests.Support;

/// <summary>
/// Publishes an example as a Native AOT binary, once per test run (<c>dotnet publish -p:PublishAot=true</c> into the
/// test's output folder), for tests that run the native program. Needs the platform's C toolchain, which the AOT
/// compiler links with.
/// </summary>
public static class NativeApp
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<Published>>> Builds = new();

    public const string HowToInstall = "Native AOT links with the platform's C toolchain: on Debian `apt-get install clang zlib1g-dev` "
        + "(gcc also works), on macOS the Xcode command line tools, on Windows Visual Studio's \"Desktop development with C++\"";

    /// <summary>The C compiler the AOT compiler will find (HUG_NATIVE_TOOLCHAIN overrides), or null.</summary>
    public static string? Toolchain =>
        Environment.GetEnvironmentVariable("HUG_NATIVE_TOOLCHAIN") is { Length: > 0 } set ? set
        : RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? OnPath("link.exe") ?? OnPath("cl.exe")
        : OnPath("clang") ?? OnPath("gcc") ?? OnPath("cc");

    /// <summary>
    /// The native executable of examples/<paramref name="example"/> (or of the project folder <paramref name="example"/>
    /// names when it has a '/', from the repository's root), and the trimming and AOT warnings its publish gave.
    /// </summary>
    public static Task<Published> PublishAsync(string example) =>
        Builds.GetOrAdd(example, name => new Lazy<Task<Published>>(() => Publish(name))).Value;

    public sealed record Published(string Executable, IReadOnlyList<string> Warnings);

    /// <summary>
    /// The native executable of examples/<paramref name="example"/>, its publish having given no trimming or AOT warning
    /// (they are errors in every build here; a new one fails the test, listed in <paramref name="output"/>).
    /// </summary>
    public static async Task<string> BinaryAsync(string example, Xunit.Abstractions.ITestOutputHelper output)
    {
        var published = await PublishAsync(example);
        output.WriteLine($"{example}: {published.Warnings.Count} trimming/AOT warnings:\n{string.Join('\n', published.Warnings)}");
        Assert.Empty(published.Warnings);
        return published.Executable;
    }

    /// <summary>Runs the native <paramref name="binary"/> with <paramref name="args"/> to its end.</summary>
    public static async Task<(int Exit, string Output, string Error)> RunAsync(string binary, params string[] args)
    {
        await using var app = ExampleProcess.StartNative(binary, null, args);
        var exit = await app.WaitForExitAsync();
        return (exit, app.Output, app.Error);
    }

    private static async Task<Published> Publish(string example)
    {
        var rid = RuntimeInformation.RuntimeIdentifier;
        var root = ExampleProcess.RepositoryRoot;
        var folder = Path.Combine(root, example.Contains('/') ? example : "examples/" + example);
        var name = Path.GetFileName(folder);
        var output = Path.Combine(AppContext.BaseDirectory, "native", name);
        // The ReadyToRun benchmarks publish through the same intermediate folder; a stale image there breaks the binary.
        var intermediate = Path.Combine(folder, "obj", "Release", "net10.0", rid);
        if (Directory.Exists(intermediate)) Directory.Delete(intermediate, recursive: true);
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "publish", Path.Combine(folder, name + ".csproj"), "-c", "Release", "-r", rid,
                     "-p:PublishAot=true", "-o", output, "-nologo" }) // warnings are errors, as in every build here
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TestTimeouts.Scale(TimeSpan.FromMinutes(8)));
        await process.WaitForExitAsync(timeout.Token);
        var log = await stdout + await stderr;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"dotnet publish -p:PublishAot=true of {example} failed ({process.ExitCode}):\n{Tail(log)}");
        var warnings = log.Split('\n').Where(l => l.Contains("warning IL", StringComparison.Ordinal))
            .Select(l => l.Trim()).Distinct().ToList();
        var executable = Path.Combine(output, name + (RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? ".exe" : ""));
        return File.Exists(executable) ? new Published(executable, warnings) : throw new FileNotFoundException("no native binary", executable);
    }

    private static string Tail(string log) => string.Join('\n', log.Split('\n').TakeLast(40));

    private static string? OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program)).FirstOrDefault(File.Exists);
}

/// <summary>
/// A test of a Native AOT binary: reported skipped, with how to install the toolchain, where none is found, except under
/// <c>CI=true</c>, where it runs and fails (CI must not pass without it).
/// </summary>
public sealed class NativeFactAttribute : FactAttribute
{
    public NativeFactAttribute()
    {
        if (NativeApp.Toolchain is null && Environment.GetEnvironmentVariable("CI") != "true")
            Skip = "No C toolchain for Native AOT: " + NativeApp.HowToInstall + ".";
    }
}

/// <summary>Native AOT tests run alone: publishing one takes both cores for a minute, which other tests must not share.</summary>
[CollectionDefinition("Native AOT", DisableParallelization = true)]
public sealed class NativeAotCollection;
