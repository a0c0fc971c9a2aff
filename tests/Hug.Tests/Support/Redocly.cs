namespace Hug.Tests.Support;

/// <summary>Redocly's OpenAPI linter (npm <c>@redocly/cli</c>): <c>HUG_REDOCLY</c>, else <c>redocly</c> on the PATH.</summary>
public static class Redocly
{
    public const string HowToInstall = "npm install -g @redocly/cli@2.77.0 (.ci/run does) or set HUG_REDOCLY to its redocly executable";

    public static readonly string? Executable = Find();

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("HUG_REDOCLY") is { Length: > 0 } configured) return File.Exists(configured) ? configured : null;
        var name = OperatingSystem.IsWindows() ? "redocly.cmd" : "redocly";
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name)).FirstOrDefault(File.Exists);
    }

    /// <summary>Lints <paramref name="document"/> with Redocly's recommended rules; the exit code is 0 when it has no errors.</summary>
    public static Task<(int Exit, string Output)> LintAsync(string document) =>
        Processes.RunAsync(Executable ?? throw new InvalidOperationException("redocly not found: " + HowToInstall + "."),
            ["lint", document, "--format=stylish"], Path.GetDirectoryName(document)!, TimeSpan.FromMinutes(2));
}

/// <summary>A test that runs Redocly: skipped with how to install it where it is missing, except under <c>CI=true</c>.</summary>
public sealed class RedoclyFactAttribute : FactAttribute
{
    public RedoclyFactAttribute()
    {
        if (Redocly.Executable is null && Environment.GetEnvironmentVariable("CI") != "true")
            Skip = "redocly not found: " + Redocly.HowToInstall + ".";
    }
}
