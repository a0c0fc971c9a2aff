namespace Hug.Tests.Support;

/// <summary>Redocly's OpenAPI linter (npm <c>@redocly/cli</c>): <c>HUG_REDOCLY</c>, else <c>redocly</c> on the PATH.</summary>
public static class Redocly
{
    public const string HowToInstall = "npm install -g @redocly/cli@2.77.0 (.ci/run does) or set HUG_REDOCLY to its redocly executable";

    public static readonly string? Executable = OutsidePrograms.Find("HUG_REDOCLY", "redocly", "redocly.cmd");

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
        Skip = OutsidePrograms.SkipReason(Redocly.Executable, "redocly", Redocly.HowToInstall);
    }
}
