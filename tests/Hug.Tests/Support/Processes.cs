using System.Diagnostics;

namespace Hug.Tests.Support;

/// <summary>Outside programs a test runs to their end (kiota, redocly, dotnet build of a generated client).</summary>
public static class Processes
{
    /// <summary>Runs a program to its end (bounded by <paramref name="timeout"/>), its stdout and stderr together.</summary>
    public static Task<(int Exit, string Output)> RunAsync(string program, string[] args, string directory, TimeSpan? timeout = null) =>
        RunAsync(program, args, directory, null, timeout);

    /// <summary>As above, with <paramref name="environment"/> set (a null value removes the variable).</summary>
    public static async Task<(int Exit, string Output)> RunAsync(string program, string[] args, string directory,
        IReadOnlyDictionary<string, string?>? environment, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
            if (value is null) info.Environment.Remove(key); else info.Environment[key] = value;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TestTimeouts.Scale(timeout ?? TimeSpan.FromMinutes(3)));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in time");
        }
        return (process.ExitCode, await output + await error);
    }
}
