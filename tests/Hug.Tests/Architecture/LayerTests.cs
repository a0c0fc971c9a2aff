using System.Reflection;

namespace Hug.Tests.Architecture;

/// <summary>
/// The layers as the assemblies' own metadata states them (docs/ARCHITECTURE.md): the core references neither
/// ASP.NET Core nor System.CommandLine, the adapters reference the core and not each other, and only Hug ties them.
/// </summary>
public sealed class LayerTests
{
    private static readonly Assembly Core = typeof(HugApi).Assembly;
    private static readonly Assembly Http = typeof(InputFormat).Assembly;
    private static readonly Assembly Cli = typeof(CliExitCodes).Assembly;
    private static readonly Assembly Tie = typeof(HugApiRunExtensions).Assembly;

    [Fact]
    public void EachLayerIsItsOwnAssembly()
    {
        Assert.Equal(["Hug.Core", "Hug.Http", "Hug.Cli", "Hug"], new[] { Core, Http, Cli, Tie }.Select(a => a.GetName().Name));
    }

    [Fact]
    public void TheCoreReferencesNoAdapterOrTheirFrameworks() =>
        AssertReferencesNone(Core, "Microsoft.AspNetCore", "System.CommandLine", "Hug.Http", "Hug.Cli", "Hug");

    [Fact]
    public void TheCommandLineNeverReachesAspNetCore() =>
        AssertReferencesNone(Cli, "Microsoft.AspNetCore", "Microsoft.Extensions.Hosting", "Hug.Http", "Hug");

    [Fact]
    public void HttpNeverReachesTheCommandLine() =>
        AssertReferencesNone(Http, "System.CommandLine", "Hug.Cli", "Hug");

    /// <summary>Hug.Redis adds to the web side only: an API whose program never serves need not carry it.</summary>
    [Fact]
    public void RedisBuildsOnTheWebSideAndNeverReachesTheCommandLine()
    {
        var redis = typeof(HugApiRedisExtensions).Assembly;
        AssertReferencesNone(redis, "System.CommandLine", "Hug.Cli", "Hug");
        Assert.Superset(new HashSet<string> { "Hug.Core", "Hug.Http" }, Names(redis).ToHashSet());
    }

    [Fact]
    public void TheAdaptersBuildOnTheCoreAndHugTiesThemTogether()
    {
        Assert.Contains("Hug.Core", Names(Http));
        Assert.Contains("Hug.Core", Names(Cli));
        Assert.Superset(new HashSet<string> { "Hug.Core", "Hug.Http", "Hug.Cli" }, Names(Tie).ToHashSet());
    }

    private static IEnumerable<string> Names(Assembly assembly) => assembly.GetReferencedAssemblies().Select(a => a.Name!);

    /// <summary>
    /// No reference named <paramref name="forbidden"/>; a framework's name also forbids its family
    /// (<c>Microsoft.AspNetCore.Http</c> for <c>Microsoft.AspNetCore</c>), Hug's own names only themselves.
    /// </summary>
    private static void AssertReferencesNone(Assembly assembly, params string[] forbidden)
    {
        static bool Matches(string name, string f) =>
            name == f || (!f.StartsWith("Hug", StringComparison.Ordinal) && name.StartsWith(f + ".", StringComparison.Ordinal));
        var found = Names(assembly).Where(name => forbidden.Any(f => Matches(name, f))).ToList();
        Assert.True(found.Count == 0, $"{assembly.GetName().Name} references {string.Join(", ", found)}; see docs/ARCHITECTURE.md for the allowed directions.");
    }
}
