using System.Text.RegularExpressions;
using Hug.Tests.Support;

namespace Hug.Tests.Packaging;

/// <summary>
/// The README's quick start, exactly as a new user types it, from a copy of the repository as a fresh clone has it (its
/// tracked files, no build output): the README's shell block (pack with <c>-o ~/hug-packages</c> and nothing else, a new
/// console project, <c>dotnet add package Hug --source ~/hug-packages</c>), its Program.cs, <c>dotnet run -- add 1 2</c>,
/// <c>dotnet run -- serve</c>; then the template and the tool lines. The user's home is a folder of the test's own, so
/// <c>~</c> is there and no Hug package is already in the packages folder: restore finds Hug only where the README says.
/// </summary>
public sealed partial class QuickStartTests(QuickStartTests.FreshClone clone) : IClassFixture<QuickStartTests.FreshClone>
{
    /// <summary>A fresh copy of the repository, a home of its own, and the README's shell block run there once.</summary>
    public sealed class FreshClone : IAsyncLifetime
    {
        public string Root { get; } = Directory.CreateTempSubdirectory("hug-quickstart-").FullName;
        public string Home => Path.Combine(Root, "home");
        public string Repository => Path.Combine(Root, "hug");

        /// <summary>
        /// The user's environment: the new home, and nothing that would find Hug elsewhere (no packages folder of the
        /// machine's). Downloads of other packages reuse the machine's HTTP cache, which holds no Hug (a folder source is
        /// never cached there).
        /// </summary>
        public IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>
        {
            ["HOME"] = Home,
            ["DOTNET_CLI_HOME"] = Home,
            ["NUGET_PACKAGES"] = null,
            ["NUGET_HTTP_CACHE_PATH"] = MachineHttpCache,
            ["DOTNET_NOLOGO"] = "1",
            ["ASPNETCORE_URLS"] = null,
            // Where `dotnet tool install --global` puts commands, on the PATH as dotnet's first-run message asks.
            ["PATH"] = Path.Combine(Home, ".dotnet", "tools") + Path.PathSeparator + System.Environment.GetEnvironmentVariable("PATH"),
        };

        private static string MachineHttpCache => System.Environment.GetEnvironmentVariable("NUGET_HTTP_CACHE_PATH")
            ?? Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.LocalApplicationData), "NuGet", "http-cache");

        public string ShellBlockOutput { get; private set; } = "";

        public async Task InitializeAsync()
        {
            Directory.CreateDirectory(Home);
            await CopyAsClonedAsync(ExampleProcess.RepositoryRoot, Repository);
            // The package sources the user has (the machine's own NuGet.Config), as a real home would.
            var userConfig = Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "NuGet", "NuGet.Config");
            if (File.Exists(userConfig))
            {
                Directory.CreateDirectory(Path.Combine(Home, ".nuget", "NuGet"));
                File.Copy(userConfig, Path.Combine(Home, ".nuget", "NuGet", "NuGet.Config"));
            }
            var (exit, output) = await Processes.RunAsync("bash", ["-e", "-c", Readme.QuickStartShell], Repository, Environment, TimeSpan.FromMinutes(10));
            Assert.True(exit == 0, $"The README's quick-start block failed ({exit}):\n{output}");
            ShellBlockOutput = output;
        }

        public Task DisposeAsync()
        {
            Directory.Delete(Root, recursive: true);
            return Task.CompletedTask;
        }

        /// <summary>The files a fresh clone has: git's tracked files (and new ones not ignored), nothing built.</summary>
        private static async Task CopyAsClonedAsync(string from, string to)
        {
            var (exit, listing) = await Processes.RunAsync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], from, TimeSpan.FromMinutes(1));
            Assert.True(exit == 0, listing);
            foreach (var file in listing.Split('\0', StringSplitOptions.RemoveEmptyEntries))
            {
                var source = Path.Combine(from, file);
                if (!File.Exists(source)) continue; // deleted in the working tree
                var target = Path.Combine(to, file);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(source, target);
            }
        }
    }

    private string Home => clone.Home;

    private async Task<string> Shell(string directory, string command, int expectedExit = 0)
    {
        var (exit, output) = await Processes.RunAsync("bash", ["-c", command], directory, clone.Environment, TimeSpan.FromMinutes(5));
        Assert.True(exit == expectedExit, $"{command} (in {directory}) exited {exit}:\n{output}");
        return output;
    }

    [Fact]
    public void ThePackLineMadeEveryPackage()
    {
        var packages = Path.Combine(Home, "hug-packages");
        foreach (var package in new[] { "Hug", "Hug.Core", "Hug.Http", "Hug.Cli", "Hug.Redis", "Hug.Testing", "Hug.Tool", "Hug.Templates" })
            Assert.True(File.Exists(Path.Combine(packages, $"{package}.0.1.0.nupkg")), $"{package} was not packed:\n{clone.ShellBlockOutput}");
    }

    [Fact]
    public async Task TheNewConsoleProjectRunsTheCommandAndServes()
    {
        var project = Path.Combine(Home, "Calculator");
        await File.WriteAllTextAsync(Path.Combine(project, "Program.cs"), Readme.QuickStartProgram);
        Assert.Equal("3", (await Shell(project, Readme.Line("dotnet run -- add 1 2"))).Trim());

        // "`dotnet run -- serve` serves it on http://localhost:8000"
        var serveLine = Readme.Line("dotnet run -- serve");
        Assert.Contains("`dotnet run -- serve` serves it on http://localhost:8000", Readme.Text);
        await using var serve = ExampleProcess.StartProgram("bash", ["-c", "exec " + serveLine], Strings(clone.Environment), project);
        Assert.Equal(new Uri("http://localhost:8000"), await serve.WaitForAddressAsync(TimeSpan.FromMinutes(2)));
        using var client = new HttpClient { BaseAddress = new Uri("http://localhost:8000") };
        Assert.Equal("3", await client.GetStringAsync("/add?number_1=1&number_2=2"));
        Assert.Contains("Returns the result of adding number_1 to number_2", await client.GetStringAsync("/"));

        // The package's Native AOT settings reach the project (what its publish needs).
        var aot = await Shell(project, "dotnet msbuild -getItem:RuntimeHostConfigurationOption -p:PublishAot=true");
        Assert.Contains("Microsoft.AspNetCore.Mvc.ApiExplorer.IsEnhancedModelMetadataSupported", aot);
    }

    [Fact]
    public async Task TheTemplateMakesAProjectThatRestoresWithNothingCached()
    {
        var where = Path.Combine(Home, "from-template");
        Directory.CreateDirectory(where);
        await Shell(where, Readme.Line("dotnet new install ~/hug-packages/Hug.Templates.0.1.0.nupkg"));
        await Shell(where, Readme.Line("dotnet new hug -n Calculator"));
        var project = Path.Combine(where, "Calculator");
        Assert.Contains(Path.Combine(Home, "hug-packages"), await File.ReadAllTextAsync(Path.Combine(project, "nuget.config")));
        Assert.Equal("3", (await Shell(project, "dotnet run -- add 1 2")).Trim());
    }

    [Fact]
    public async Task TheToolInstallsFromTheSameFolderAndRunsAFile()
    {
        await Shell(Home, Readme.Line("dotnet tool install -g Hug.Tool --add-source ~/hug-packages"));
        var file = Path.Combine(Home, "Addition.cs");
        File.Copy(Path.Combine(clone.Repository, "examples", "Addition", "Addition.cs"), file);
        Assert.Equal("3", (await Shell(Home, "hug -f Addition.cs -c add 1 2")).Trim());

        // The README's section on the tool: its own pack and install lines, then a command, as written (in the repository).
        await Shell(Home, "dotnet tool uninstall -g Hug.Tool");
        var lines = Readme.ToolShell.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        await Shell(clone.Repository, lines[0]); // dotnet pack src/Hug.Tool -c Release -o ./artifacts
        await Shell(clone.Repository, lines[1]); // dotnet tool install --global Hug.Tool --add-source ./artifacts
        var command = Assert.Single(lines, line => line.Contains(" -c add 1 2", StringComparison.Ordinal));
        Assert.Equal("3", (await Shell(clone.Repository, command)).Trim());
    }

    private static Dictionary<string, string> Strings(IReadOnlyDictionary<string, string?> environment) =>
        environment.Where(pair => pair.Value is not null).ToDictionary(pair => pair.Key, pair => pair.Value!);

    /// <summary>The README's quick start: its shell block, its Program.cs, and the commands it names in its text.</summary>
    private static partial class Readme
    {
        public static string Text { get; } = File.ReadAllText(Path.Combine(ExampleProcess.RepositoryRoot, "README.md")).Replace("\r\n", "\n");

        private static string Section => Text[Text.IndexOf("\n## Quick start", StringComparison.Ordinal)..];

        public static string QuickStartShell => ShellBlock().Match(Section).Groups[1].Value;

        public static string QuickStartProgram => CSharpBlock().Match(Section).Groups[1].Value;

        /// <summary>The shell block of the section on the <c>hug</c> command.</summary>
        public static string ToolShell => ShellBlock().Match(Text[Text.IndexOf("\n## The `hug` command", StringComparison.Ordinal)..]).Groups[1].Value;

        /// <summary>A command the README's quick start shows as code (<c>`…`</c>): the test runs it as written.</summary>
        public static string Line(string command)
        {
            Assert.Contains($"`{command}`", Section);
            return command;
        }

        [GeneratedRegex(@"```sh\n(.*?)```", RegexOptions.Singleline)]
        private static partial Regex ShellBlock();

        [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
        private static partial Regex CSharpBlock();
    }
}
