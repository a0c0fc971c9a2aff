using System.Diagnostics;

namespace Hug;

/// <summary>
/// Recognises a hosting tool running the program to take the host it builds: <c>WebApplicationFactory&lt;Program&gt;</c>
/// in a test, build-time OpenAPI generation, <c>dotnet ef</c>. Such a tool runs the entry point with host settings only
/// (<c>--environment=Development</c>, <c>--applicationName=App</c>) and listens to the hosting events
/// (<c>HostBuilding</c>, <c>HostBuilt</c>) that ASP.NET Core's builder raises; a user's command line does neither.
/// </summary>
internal static class HostingTool
{
    public static bool IsRunning(string[] args)
    {
        if (args.Length == 0) return false;
        foreach (var arg in args)
            if (!arg.StartsWith("--", StringComparison.Ordinal) || !arg.Contains('=')) return false;
        // Only checked for arguments of that shape: a tool's observer subscribes to this listener as it is created.
        using var listener = new DiagnosticListener("Microsoft.Extensions.Hosting");
        return listener.IsEnabled();
    }
}
