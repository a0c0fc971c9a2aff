namespace Hug.Tests.Support;

/// <summary>Finding the programs outside .NET that tests run, and skipping (never under <c>CI=true</c>) where one is missing.</summary>
public static class OutsidePrograms
{
    /// <summary>The file <paramref name="variable"/> names (null if it is not there), else <paramref name="name"/> on the PATH (<paramref name="windowsName"/> on Windows).</summary>
    public static string? Find(string variable, string name, string windowsName)
    {
        if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } configured) return File.Exists(configured) ? configured : null;
        var file = OperatingSystem.IsWindows() ? windowsName : name;
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, file)).FirstOrDefault(File.Exists);
    }

    /// <summary>Why a test that needs <paramref name="program"/> is skipped: it was not found (and this is not CI); else null.</summary>
    public static string? SkipReason(string? found, string program, string howToInstall) =>
        found is null && Environment.GetEnvironmentVariable("CI") != "true" ? $"{program} not found: {howToInstall}." : null;
}
