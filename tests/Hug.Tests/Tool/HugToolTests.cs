using Hug.Tests.Support;

namespace Hug.Tests.Tool;

/// <summary>The <c>hug</c> command as a real process: a single file, a project and an assembly.</summary>
public sealed class HugToolTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("hug-tool-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private Dictionary<string, string> Environment => new() { ["HUG_CACHE"] = Path.Combine(folder, "cache") };

    private async Task<(int Exit, string Output, string Error)> Hug(params string[] args)
    {
        await using var tool = ExampleProcess.StartDll(ExampleProcess.ToolDll, Environment, args);
        var exit = await tool.WaitForExitAsync(TimeSpan.FromSeconds(120));
        return (exit, tool.Output, tool.Error);
    }

    private static string OneLine(string error) => Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)).TrimEnd('\r');

    private string AdditionFile()
    {
        var path = Path.Combine(folder, "Addition.cs");
        File.Copy(Path.Combine(ExampleProcess.RepositoryRoot, "examples", "Addition", "Addition.cs"), path, overwrite: true);
        return path;
    }

    [Fact]
    public async Task RunsACommandOfASingleFileThenFromTheCache()
    {
        var file = AdditionFile();
        Assert.Equal((0, "3\n"), (await Hug("-f", file, "-c", "add", "1", "2")) is var first ? (first.Exit, first.Output) : default);
        Assert.Equal((0, "5\n"), (await Hug("-f", file, "-c", "add", "2", "3")) is var second ? (second.Exit, second.Output) : default);
        Assert.Single(Directory.GetDirectories(Path.Combine(folder, "cache")));
    }

    [Fact]
    public async Task TokensAfterTheCommandBelongToIt()
    {
        var (exit, output, _) = await Hug("-f", AdditionFile(), "-c", "add", "--help");
        Assert.Equal(0, exit);
        Assert.Contains("Returns the result of adding number_1 to number_2", output);
        Assert.Contains("<number_1>", output);
    }

    [Theory]
    [InlineData("Required argument missing for option: '-c'.", "-f", "App.cs", "-c")]
    [InlineData("Option '--file' is required.")]
    [InlineData("Unrecognized command or argument '--bogus'.", "-f", "App.cs", "--bogus")]
    public async Task UsageErrorsAreExit2OnStderr(string message, params string[] args)
    {
        // They were help on stdout with exit 1 (issue 22, item 6).
        var (exit, output, error) = await Hug(args);
        Assert.Equal((2, ""), (exit, output));
        Assert.Contains(message, error);
        Assert.Contains("Usage: hug -f FILE", error);
    }

    [Fact]
    public async Task CompileErrorsAreReportedLikeTheCompiler()
    {
        var broken = Path.Combine(folder, "Broken.cs");
        await File.WriteAllTextAsync(broken, "public static class Broken\n{\n    public static int X() => 1\n}\n");
        var (exit, _, error) = await Hug("-f", broken, "-c", "x");
        Assert.Equal(1, exit);
        Assert.Contains("Broken.cs(3,31): error CS1002: ; expected", error);
    }

    [Fact]
    public async Task TheGeneratorRunsInTheToolsCompilation()
    {
        var generic = Path.Combine(folder, "Generic.cs");
        await File.WriteAllTextAsync(generic, "using Hug;\npublic static class Echo\n{\n    [Cli] public static T Back<T>(T value) => value;\n}\n");
        var (exit, _, error) = await Hug("-f", generic, "-c", "back", "1");
        Assert.Equal(1, exit);
        Assert.Contains("Generic.cs(4,27): error HUG005: Echo.Back: a generic method cannot be exposed", error);
    }

    [Fact]
    public async Task ServesASingleFileWithItsDocumentation()
    {
        await using var tool = ExampleProcess.StartDll(ExampleProcess.ToolDll, Environment, "-f", AdditionFile(), "--host", "127.0.0.1", "--port", "0");
        using var client = new HttpClient { BaseAddress = await tool.WaitForAddressAsync(TimeSpan.FromSeconds(120)) };
        Assert.Equal("3", await client.GetStringAsync("/add?number_1=1&number_2=2"));
        Assert.Contains("Returns the result of adding number_1 to number_2", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task LoadsABuiltAssembly()
    {
        var (exit, output, error) = await Hug("-f", ExampleProcess.ExampleDll("Addition"), "-c", "add", "4", "5");
        Assert.True(exit == 0, error);
        Assert.Equal("9\n", output);
    }

    [Fact]
    public async Task AProgramIsSetUpByItsEntryPointBeforeItIsServed()
    {
        // Its requirements and JSON metadata are registered by HugApi.Run(args, Accounts.Configure): without running that,
        // serving failed with an unhandled HugConfigurationException (issue 22, item 4).
        await using var tool = ExampleProcess.StartDll(ExampleProcess.ToolDll, Environment, "-f", ExampleProcess.ExampleDll("Auth"), "--host", "127.0.0.1", "--port", "0");
        using var client = new HttpClient { BaseAddress = await tool.WaitForAddressAsync(TimeSpan.FromSeconds(120)) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/me") { Headers = { { "Authorization", "Bearer t-456" } } };
        using var answer = await client.SendAsync(request);
        Assert.Contains("\"name\":\"token holder\"", await answer.Content.ReadAsStringAsync());
        // The entry point's configure delegate of examples/Chat adds its health check to the web host.
        await using var chat = ExampleProcess.StartDll(ExampleProcess.ToolDll, Environment, "-f", ExampleProcess.ExampleDll("Chat"), "--host", "127.0.0.1", "--port", "0");
        using var chatClient = new HttpClient { BaseAddress = await chat.WaitForAddressAsync(TimeSpan.FromSeconds(120)) };
        Assert.Equal("Healthy", await chatClient.GetStringAsync("/health"));
    }

    [Fact]
    public async Task ALibraryIsSetUpByItsStaticConfigureMethod()
    {
        var file = Path.Combine(folder, "Tenants.cs");
        await File.WriteAllTextAsync(file, """
            using Hug;
            public static class Tenants
            {
                [Cli] public static string Who([Directive("tenant")] string tenant) => tenant;

                public static void Configure(HugApi api) => api.AddDirective("tenant", call => "acme");
            }
            """);
        Assert.Equal((0, "acme\n"), (await Hug("-f", file, "-c", "who")) is var who ? (who.Exit, who.Output) : default);
    }

    [Fact]
    public async Task ConfigurationErrorsAreOneLineExit1()
    {
        var file = Path.Combine(folder, "Unset.cs");
        await File.WriteAllTextAsync(file, """
            using Hug;
            public static class Unset
            {
                [Cli, Requires("word")] public static string Open() => "opened";
            }
            """);
        foreach (var args in new[] { new[] { "-f", file, "-c", "open" }, ["-f", file, "--host", "127.0.0.1", "--port", "0"] })
        {
            var (exit, output, error) = await Hug(args);
            Assert.Equal((1, ""), (exit, output));
            Assert.Equal("Unset.Open: [Requires(\"word\")] names no registered requirement; call api.AddRequirement(\"word\", ...).", OneLine(error));
        }
        var throwing = Path.Combine(folder, "Throwing.cs");
        await File.WriteAllTextAsync(throwing, """
            using Hug;
            public static class Throwing
            {
                [Cli] public static int One() => 1;
                public static void Configure(HugApi api) => throw new System.InvalidOperationException("no database");
            }
            """);
        var failed = await Hug("-f", throwing, "-c", "one");
        Assert.Equal(1, failed.Exit);
        Assert.Equal("Throwing.Configure failed: no database", OneLine(failed.Error));

        // Found only when serving: a static folder that is not there (it was an unhandled exception with a stack trace).
        var pages = Path.Combine(folder, "Pages.cs");
        await File.WriteAllTextAsync(pages, """
            using Hug;
            public static class Pages
            {
                [Get] public static int One() => 1;
                public static void Configure(HugApi api) => api.Http.Static("/assets", "no-such-folder");
            }
            """);
        var serving = await Hug("-f", pages, "--host", "127.0.0.1", "--port", "0");
        Assert.Equal(1, serving.Exit);
        Assert.StartsWith("serve: cannot start: Static files for '/assets': the folder 'no-such-folder' was not found", OneLine(serving.Error));
    }

    [Fact]
    public async Task TheUsageNamesTheFile()
    {
        // It said "Usage: Hug.Tool add …", a name that exists nowhere (issue 22, item 5).
        var (exit, _, error) = await Hug("-f", AdditionFile(), "-c", "add", "1");
        Assert.Equal(2, exit);
        Assert.Contains("Usage:\n  Addition.cs add <number_1> <number_2> [options]", error.Replace("\r", ""));
        Assert.DoesNotContain("Hug.Tool", error);
    }

    [Fact]
    public async Task BuildsAProject()
    {
        var project = Path.Combine(folder, "Api.csproj");
        await File.WriteAllTextAsync(project, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings><Nullable>enable</Nullable></PropertyGroup>
              <ItemGroup><ProjectReference Include="{Path.Combine(ExampleProcess.RepositoryRoot, "src", "Hug", "Hug.csproj")}" /></ItemGroup>
            </Project>
            """);
        AdditionFile();
        var (exit, output, error) = await Hug("-f", project, "-c", "add", "1", "1");
        Assert.True(exit == 0, error);
        Assert.Equal("2\n", output);
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task ReloadStopsOnTheFirstSignal(string signal)
    {
        // It kept polling until SIGKILL (issue 22, item 7); serving through the tool is stopped the same way.
        var file = AdditionFile();
        await using var tool = ExampleProcess.StartDll(ExampleProcess.ToolDll, Environment, "-f", file, "--reload", "--host", "127.0.0.1", "--port", "0");
        using var client = new HttpClient { BaseAddress = await tool.WaitForAddressAsync(TimeSpan.FromSeconds(120)) };
        Assert.Equal("3", await client.GetStringAsync("/add?number_1=1&number_2=2"));
        System.Diagnostics.Process.Start("kill", [$"-{signal}", tool.Process.Id.ToString()])!.WaitForExit();
        Assert.Equal(0, await tool.WaitForExitAsync());
    }

    [Fact]
    public async Task ServingThroughTheToolStopsGracefullyOnSigterm()
    {
        await using var tool = ExampleProcess.StartDll(ExampleProcess.ToolDll, Environment, "-f", AdditionFile(), "--host", "127.0.0.1", "--port", "0");
        using var client = new HttpClient { BaseAddress = await tool.WaitForAddressAsync(TimeSpan.FromSeconds(120)) };
        Assert.Equal("3", await client.GetStringAsync("/add?number_1=1&number_2=2"));
        tool.Terminate();
        Assert.Equal(0, await tool.WaitForExitAsync());
    }

    [Fact]
    public async Task ReloadPicksUpAnEditAndSurvivesABrokenOne()
    {
        var file = AdditionFile();
        await using var tool = ExampleProcess.StartDll(ExampleProcess.ToolDll, Environment, "-f", file, "--reload", "--host", "127.0.0.1", "--port", "0");
        using var client = new HttpClient { BaseAddress = await tool.WaitForAddressAsync(TimeSpan.FromSeconds(120)) };
        Assert.Equal("3", await client.GetStringAsync("/add?number_1=1&number_2=2"));

        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("number_1 + number_2;", "number_1 + number_2 + 100;"));
        Assert.Equal("103", await EventuallyAsync(client, "103"));

        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("+ 100;", "+ 100"));
        await WaitForAsync(() => tool.Error.Contains("error CS1002"));
        Assert.Contains("the last good version keeps serving", tool.Error);
        Assert.Equal("103", await client.GetStringAsync("/add?number_1=1&number_2=2"));
    }

    [Fact]
    public async Task ReloadServesWebSocketEndpoints()
    {
        var file = Path.Combine(folder, "Echo.cs");
        await File.WriteAllTextAsync(file, """
            using Hug;

            /// <summary>Echoes</summary>
            [WebSocket("/echo")]
            public sealed class Echo : WebSocketEndpoint
            {
                public override Task HandleMessageAsync(WebSocketConnection ws, string message) => ws.SendAsync("Received: " + message);
            }
            """);
        await using var tool = ExampleProcess.StartDll(ExampleProcess.ToolDll, Environment, "-f", file, "--reload", "--host", "127.0.0.1", "--port", "0");
        using var socket = await SocketClient.ConnectAsync(await tool.WaitForAddressAsync(TimeSpan.FromSeconds(120)), "/echo");
        await SocketClient.SendAsync(socket, "hi");
        Assert.Equal("Received: hi", (await SocketClient.ReceiveAsync(socket)).Text);
    }

    /// <summary>Polls (bounded: 60 s) until the response is <paramref name="expected"/>.</summary>
    private static async Task<string> EventuallyAsync(HttpClient client, string expected)
    {
        var last = "";
        for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline && last != expected; await Task.Delay(100))
            last = await client.GetStringAsync("/add?number_1=1&number_2=2");
        return last;
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline && !condition(); await Task.Delay(100)) { }
        Assert.True(condition());
    }

    /// <summary>
    /// Every example's source under <c>hug -f … -c</c> and served by <c>hug -f …</c> (issue 33, point 4): the tool compiles
    /// what a project referencing Hug would (Hug's web and command-line assemblies, System.Text.Json's generator). Library.cs
    /// and Accounts.cs did not compile; Notes.cs needs its JsonSerializerContext generated. (examples/Chat, two files and a
    /// page, is served through its built assembly: <see cref="AProgramIsSetUpByItsEntryPointBeforeItIsServed"/>.)
    /// </summary>
    [Theory]
    [InlineData("Addition/Addition.cs", "add 1 2", "3", "/add?number_1=1&number_2=2", "3")]
    [InlineData("Formats/Library.cs", "find", "Frank Herbert", "/book", "\"author\":\"Frank Herbert\"")]
    [InlineData("Auth/Accounts.cs", "ping", "pong", "/ping", "\"pong\"")]
    [InlineData("Notes/Notes.cs", "list", "[]", "/list", "[]")]
    public async Task EveryExamplesSourceRunsACommandAndServes(string source, string command, string printed, string url, string answered)
    {
        // The example's folder as it is checked in (Library.cs serves its covers/ folder), without build output.
        var example = Path.Combine(ExampleProcess.RepositoryRoot, "examples", Path.GetDirectoryName(source)!);
        foreach (var path in Directory.EnumerateFiles(example, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(example, path);
            if (relative.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj") continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(folder, relative))!);
            File.Copy(path, Path.Combine(folder, relative), overwrite: true);
        }
        var file = Path.Combine(folder, Path.GetFileName(source));
        var (exit, output, error) = await Hug(["-f", file, "-c", .. command.Split(' ')]);
        Assert.True(exit == 0, error);
        Assert.Contains(printed, output);

        await using var tool = ExampleProcess.StartProgram("dotnet", [ExampleProcess.ToolDll, "-f", file, "--host", "127.0.0.1", "--port", "0"], Environment, folder);
        using var client = new HttpClient { BaseAddress = await tool.WaitForAddressAsync(TimeSpan.FromSeconds(120)) };
        Assert.Contains(answered, await client.GetStringAsync(url));
    }

    [Fact]
    public async Task UnknownFileIsAnError()
    {
        var (exit, _, error) = await Hug("-f", Path.Combine(folder, "nope.cs"), "-c", "add");
        Assert.Equal(1, exit);
        Assert.Contains("file not found", error);
    }
}
