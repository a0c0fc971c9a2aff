using System.Text.RegularExpressions;
using Hug.Tests.Support;

namespace Hug.Tests.Packaging;

/// <summary>
/// The README's quick start, as a new user follows it: Hug's packages packed into a local folder, a brand-new
/// <c>dotnet new console</c> project adding the Hug package from there, the README's Program.cs pasted in; then
/// <c>add 1 2</c> and <c>serve</c> from it, as real processes. Also: the hug tool installs from the same folder.
/// </summary>
public sealed partial class QuickStartTests(QuickStartTests.PackedHug packed) : IClassFixture<QuickStartTests.PackedHug>
{
    private string Root => packed.Root;
    private string Version => packed.Version;
    private string Packages => packed.Packages;

    /// <summary>Hug's packages, packed once for the class into a temporary folder, with a nuget.config that finds them.</summary>
    public sealed class PackedHug : IAsyncLifetime
    {
        // A version of this run's own: nothing restored earlier (a stale copy in a packages folder) can stand in for it.
        public string Version { get; } = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        public string Root { get; } = Directory.CreateTempSubdirectory("hug-quickstart-").FullName;
        public string Packages => Path.Combine(Root, "packages");

        public async Task InitializeAsync()
        {
            // Built under an artifacts path of its own: the repository's bin/ and obj/ (other tests build there) are untouched.
            var (exit, output) = await Processes.RunAsync("dotnet",
                ["pack", "Hug.Packages.slnf", "-c", "Release", "-o", Packages, "--artifacts-path", Path.Combine(Root, "artifacts"), $"-p:Version={Version}"],
                ExampleProcess.RepositoryRoot, TimeSpan.FromMinutes(8));
            Assert.True(exit == 0, output);
            // Hug's packages are extracted into a folder of this test's own; the packages they depend on come from the
            // user's packages folder (as restored for this repository) or the configured feeds.
            var userPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            await File.WriteAllTextAsync(Path.Combine(Root, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <config><add key="globalPackagesFolder" value="{Path.Combine(Root, "restored")}" /></config>
                  <packageSources><add key="hug-local" value="{Packages}" /></packageSources>
                  <fallbackPackageFolders><add key="user" value="{userPackages}" /></fallbackPackageFolders>
                </configuration>
                """);
        }

        public Task DisposeAsync()
        {
            Directory.Delete(Root, recursive: true);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task TheReadmesQuickStartRunsFromANewConsoleProject()
    {
        Assert.True(File.Exists(Path.Combine(Packages, $"Hug.Testing.{Version}.nupkg")));
        Assert.True(File.Exists(Path.Combine(Packages, $"Hug.Tool.{Version}.nupkg")));
        Assert.True(File.Exists(Path.Combine(Packages, $"Hug.Templates.{Version}.nupkg")));
        var project = Path.Combine(Root, "QuickStart");
        await Run(Root, "new", "console", "-n", "QuickStart", "-o", project);
        await Run(project, "add", "package", "Hug", "--version", Version);
        await File.WriteAllTextAsync(Path.Combine(project, "Program.cs"), ReadmeQuickStart());
        await Run(project, "build", "-c", "Release");

        var dll = Path.Combine(project, "bin", "Release", "net10.0", "QuickStart.dll");
        // The package's generator ran: the endpoints are read from generated code, not by reflection.
        Assert.True((await File.ReadAllBytesAsync(dll)).AsSpan().IndexOf("HugGeneratedEndpoints"u8) >= 0, "no generated registration in the app");

        var (exit, output) = await Processes.RunAsync("dotnet", [dll, "add", "1", "2"], project, TimeSpan.FromMinutes(1));
        Assert.Equal((0, "3"), (exit, output.Trim()));
        var (_, help) = await Processes.RunAsync("dotnet", [dll, "add", "--help"], project, TimeSpan.FromMinutes(1));
        Assert.Contains("Returns the result of adding number_1 to number_2", help); // the XML doc comment, through the package's build props

        await using var serve = ExampleProcess.StartDll(dll, null, "serve", "--host", "127.0.0.1", "--port", "0");
        var address = await serve.WaitForAddressAsync();
        using var client = new HttpClient { BaseAddress = address };
        Assert.Equal("3", await client.GetStringAsync("/add?number_1=1&number_2=2"));
        Assert.Contains("Returns the result of adding number_1 to number_2", await client.GetStringAsync("/"));
        serve.Terminate();
        Assert.Equal(0, await serve.WaitForExitAsync());
    }

    [Fact]
    public async Task NativeAotSettingsComeWithThePackage()
    {
        var project = Path.Combine(Root, "Aot");
        await Run(Root, "new", "console", "-n", "Aot", "-o", project);
        await Run(project, "add", "package", "Hug", "--version", Version);
        var (exit, output) = await Processes.RunAsync("dotnet", ["msbuild", "-getItem:RuntimeHostConfigurationOption", "-p:PublishAot=true"], project, TimeSpan.FromMinutes(2));
        Assert.True(exit == 0, output);
        Assert.Contains("Microsoft.AspNetCore.Mvc.ApiExplorer.IsEnhancedModelMetadataSupported", output);
    }

    [Fact]
    public async Task DotnetNewHugMakesAProjectThatRuns()
    {
        // A template hive of the test's own: the user's installed templates are not touched.
        var hive = Path.Combine(Root, "template-hive");
        await Run(Root, "new", "install", Path.Combine(Packages, $"Hug.Templates.{Version}.nupkg"), "--debug:custom-hive", hive);
        var project = Path.Combine(Root, "Calculator");
        await Run(Root, "new", "hug", "-n", "Calculator", "-o", project, "--debug:custom-hive", hive);
        Assert.Contains($"Include=\"Hug\" Version=\"{Version}\"", await File.ReadAllTextAsync(Path.Combine(project, "Calculator.csproj")));
        await Run(project, "build");
        var (exit, output) = await Processes.RunAsync("dotnet", [Path.Combine(project, "bin", "Debug", "net10.0", "Calculator.dll"), "add", "1", "2"], project, TimeSpan.FromMinutes(1));
        Assert.Equal((0, "3"), (exit, output.Trim()));
    }

    [Fact]
    public async Task TheHugToolInstallsFromTheSameFolder()
    {
        var tools = Path.Combine(Root, "tools");
        await Run(Root, "tool", "install", "Hug.Tool", "--version", Version, "--tool-path", tools, "--add-source", Packages);
        var hug = Path.Combine(tools, OperatingSystem.IsWindows() ? "hug.exe" : "hug");
        var (exit, output) = await Processes.RunAsync(hug, ["--help"], Root, TimeSpan.FromMinutes(1));
        Assert.True(exit == 0, output);
        Assert.Contains("-f", output);
    }

    /// <summary>The README's quick-start Program.cs: the C# block under "## Quick start".</summary>
    private static string ReadmeQuickStart()
    {
        var readme = File.ReadAllText(Path.Combine(ExampleProcess.RepositoryRoot, "README.md")).Replace("\r\n", "\n");
        var section = readme[readme.IndexOf("\n## Quick start", StringComparison.Ordinal)..];
        return QuickStartCode().Match(section).Groups[1].Value;
    }

    private static async Task Run(string directory, params string[] args)
    {
        var (exit, output) = await Processes.RunAsync("dotnet", args, directory, TimeSpan.FromMinutes(4));
        Assert.True(exit == 0, $"dotnet {string.Join(' ', args)}: {output}");
    }

    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex QuickStartCode();

}
