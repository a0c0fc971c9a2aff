namespace Hug.Tests.Support;

/// <summary>curl, the HTTP client outside .NET a test checks HTTP/2 with: <c>HUG_CURL</c>, else <c>curl</c> on the PATH.</summary>
public static class Curl
{
    public const string HowToInstall = "apt-get install curl (macOS and Windows 10+ ship it) or set HUG_CURL to a curl built with HTTP/2";

    public static readonly string? Executable = OutsidePrograms.Find("HUG_CURL", "curl", "curl.exe");

    /// <summary>Runs curl with <paramref name="args"/>; its exit code and output.</summary>
    public static Task<(int Exit, string Output)> RunAsync(params string[] args) =>
        Processes.RunAsync(Executable ?? throw new InvalidOperationException("curl not found: " + HowToInstall + "."), args, Path.GetTempPath(), TimeSpan.FromMinutes(1));
}

/// <summary>A test that runs curl: skipped with how to install it where it is missing, except under <c>CI=true</c>.</summary>
public sealed class CurlFactAttribute : FactAttribute
{
    public CurlFactAttribute()
    {
        Skip = OutsidePrograms.SkipReason(Curl.Executable, "curl", Curl.HowToInstall);
    }
}
