namespace Hug.Tests.Support;

/// <summary>
/// Microsoft's OpenAPI client generator, Kiota (the <c>Microsoft.OpenApi.Kiota</c> dotnet tool pinned in the repository's
/// tool manifest, <c>dotnet tool restore</c>; or <c>HUG_KIOTA</c> naming a kiota executable).
/// </summary>
public static class Kiota
{
    public const string HowToInstall = "run `dotnet tool restore` in the repository (.ci/run does) or set HUG_KIOTA to a kiota executable";

    /// <summary>The command and leading arguments that run kiota, or null when it is not installed.</summary>
    public static readonly (string Program, string[] Args)? Command = Find();

    private static (string, string[])? Find()
    {
        if (Environment.GetEnvironmentVariable("HUG_KIOTA") is { Length: > 0 } configured) return File.Exists(configured) ? (configured, []) : null;
        return Processes.RunAsync("dotnet", ["tool", "run", "kiota", "--version"], ExampleProcess.RepositoryRoot).GetAwaiter().GetResult().Exit == 0
            ? ("dotnet", ["tool", "run", "kiota"])
            : null;
    }

    /// <summary>Runs kiota with <paramref name="args"/> from the repository root (where the tool manifest is).</summary>
    public static Task<(int Exit, string Output)> RunAsync(params string[] args) =>
        Command is var (program, leading)
            ? Processes.RunAsync(program, [.. leading, .. args], ExampleProcess.RepositoryRoot)
            : throw new InvalidOperationException("kiota not found: " + HowToInstall + ".");
}

/// <summary>A test that runs Kiota: skipped with how to install it where it is missing, except under <c>CI=true</c>.</summary>
public sealed class KiotaFactAttribute : FactAttribute
{
    public KiotaFactAttribute()
    {
        if (Kiota.Command is null && Environment.GetEnvironmentVariable("CI") != "true")
            Skip = "kiota not found: " + Kiota.HowToInstall + ".";
    }
}
