namespace Hug.Testing;

/// <summary>What a command printed and its exit code (0 success, 1 a failure, 2 a usage or validation error).</summary>
/// <param name="ExitCode">The process exit code the command line would return.</param>
/// <param name="Output">What went to stdout: the result (scalars plain, objects as indented JSON).</param>
/// <param name="Error">What went to stderr: error messages, usage.</param>
public sealed record HugCommandLineResult(int ExitCode, string Output, string Error);

/// <summary>
/// Runs an API's command line in process, as <c>HugApi.Run(args)</c> would, capturing what Hug writes:
/// <c>var result = await HugCommandLineRunner.RunAsync(api, "add", "1", "2");</c> → exit 0, output <c>3</c>.
/// A method that writes to <see cref="Console"/> itself is not captured (run the real process for that).
/// </summary>
public static class HugCommandLineRunner
{
    /// <summary>Runs <paramref name="args"/> against <paramref name="api"/>'s commands (and <c>--help</c>, <c>serve</c>).</summary>
    public static async Task<HugCommandLineResult> RunAsync(HugApi api, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(api);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await api.RunAsync(args, output, error);
        return new HugCommandLineResult(exit, output.ToString(), error.ToString());
    }
}
