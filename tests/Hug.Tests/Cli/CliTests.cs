using Hug.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Hug.Tests.Cli;

/// <summary>The command line in-process: the real System.CommandLine parser, captured writers.</summary>
public sealed class CliTests
{
    private static Task<(int Exit, string Output, string Error)> Run(params string[] args) =>
        CliRun.RunAsync(new HugApi().AddType(typeof(Tools)).AddType(typeof(Users)), args);

    [Fact]
    public async Task RequiredParametersArePositional()
    {
        var (exit, output, error) = await Run("add", "1", "2");
        Assert.Equal((0, "3\n", ""), (exit, output, error));
    }

    [Fact]
    public async Task CompletionsOfferAnEnumsChoices()
    {
        // System.CommandLine's [suggest] directive (dotnet-suggest's shell completions) on Hug's root command.
        var (exit, output, _) = await Run("[suggest:18]", "greet ann --color ");
        Assert.Equal(0, exit);
        Assert.Equal(["green", "red"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order());
    }

    [Fact]
    public async Task MissingArgumentIsNamedWithUsage()
    {
        var (exit, output, error) = await Run("add", "1");
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.StartsWith("number_2: Required parameter 'number_2' not supplied", error);
        Assert.Contains("Usage:", error);
        Assert.Contains("add <number_1> <number_2>", error);
    }

    [Fact]
    public async Task InvalidValueUsesTheHttpMessage()
    {
        var (exit, _, error) = await Run("add", "x", "2");
        Assert.Equal(2, exit);
        Assert.StartsWith("number_1: Invalid whole number provided", error);
        Assert.Contains("<number_1>  The first addend. A whole number", error);
        Assert.DoesNotContain("System.", error);
    }

    [Fact]
    public async Task ExtraTokensAreAnError()
    {
        var (exit, _, error) = await Run("add", "1", "2", "3");
        Assert.Equal(2, exit);
        Assert.Contains("'3'", error);
    }

    [Fact]
    public async Task RootHelpListsCommandsWithSummariesAndServe()
    {
        var (exit, output, _) = await Run("--help");
        Assert.Equal(0, exit);
        Assert.Contains("Returns the result of adding number_1 to number_2", output);
        Assert.Contains("Greets someone by name", output);
        Assert.Contains("serve", output);
        Assert.Contains("users", output);
    }

    [Fact]
    public async Task CommandHelpShowsArgumentsTypesDocsAndDefaults()
    {
        var (exit, output, _) = await Run("greet", "--help");
        Assert.Equal(0, exit);
        Assert.Contains("Greets someone by name", output);
        Assert.Contains("<name>", output);
        Assert.Contains("Who to greet. Basic text / string value", output);
        Assert.Contains("--max-count", output);
        Assert.Contains("How many times. A whole number [default: 1]", output);
        Assert.Contains("--excited", output);
        Assert.Contains("red|green", output);
        Assert.Contains("[default: red]", output);
    }

    [Fact]
    public async Task OptionsFlagsAliasesAndEnums()
    {
        Assert.Equal("ann Red\n", (await Run("greet", "ann")).Output);
        Assert.Equal("ann! ann! Green\n", (await Run("greet", "ann", "--max-count", "2", "--excited", "--color", "GREEN")).Output);
        Assert.Equal("ann Red?7\n", (await Run("greet", "ann", "--suffix", "?", "--number_3", "7")).Output);
        Assert.Equal("ann Red7\n", (await Run("greet", "ann", "--number-3", "7")).Output);
        var (exit, _, error) = await Run("greet", "ann", "--color", "blue");
        Assert.Equal(2, exit);
        Assert.StartsWith("color: Invalid value passed. The accepted values are: (red|green)", error);
    }

    [Fact]
    public async Task ListsAreVariadicOrRepeatable()
    {
        Assert.Equal("6\n", (await Run("total", "sum", "1", "2", "3")).Output);
        Assert.Equal("ann:a,b\n", (await Run("tagged", "ann", "--tag", "a", "--tag", "b")).Output);
        Assert.Equal("ann:\n", (await Run("tagged", "ann")).Output);
        var (exit, _, error) = await Run("total", "sum", "1", "x");
        Assert.Equal(2, exit);
        Assert.StartsWith("values[1]: Invalid whole number provided", error);
    }

    [Fact]
    public async Task OutputFormats()
    {
        Assert.Equal("{\n  \"name\": \"ann\",\n  \"age\": 3,\n  \"address\": null,\n  \"previous\": null\n}\n", (await Run("person", "ann", "3")).Output);
        Assert.Equal("", (await Run("nothing")).Output);
        Assert.Equal(0, (await Run("quiet")).Exit);
        Assert.Equal("", (await Run("quiet")).Output);
        Assert.Equal("2024-01-31\n", (await Run("day")).Output);
        Assert.Equal("true\n", (await Run("check")).Output);
        Assert.Equal("green\n", (await Run("favourite")).Output);
        Assert.Contains("\"when\": \"2024-01-31\"", (await Run("mixed")).Output);
        Assert.Equal("1\n2\n3\n", (await Run("count", "3")).Output);
    }

    [Fact]
    public async Task FormatOptionChoosesAnotherOutputFormat()
    {
        Assert.Equal("{\"name\":\"ann\",\"age\":3,\"address\":null,\"previous\":null}\n", (await Run("person", "ann", "3", "--format", "json")).Output);
        Assert.Equal("\"ann Red\"\n", (await Run("greet", "ann", "--format", "json")).Output);
        Assert.Equal("\"added x\"\n", (await Run("--format", "json", "users", "add", "x")).Output);
        Assert.Equal("<pre>3</pre>\n", (await Run("add", "1", "2", "--format", "html")).Output);
        var (exit, _, error) = await Run("add", "1", "2", "--format", "yaml");
        Assert.Equal(2, exit);
        Assert.StartsWith("--format: unknown format 'yaml'", error);
    }

    [Fact]
    public async Task AResultJsonCannotWriteIsOneLineNotACrash()
    {
        // System.Text.Json refuses System.Type values: printing fails after the call succeeded (as a type outside any
        // JSON context does under Native AOT). It used to escape as an unhandled exception with its stack trace.
        var (exit, output, error) = await CliRun.RunAsync(new HugApi().AddType(typeof(Unprintable)), "describe");
        Assert.Equal((1, ""), (exit, output));
        Assert.StartsWith("Unprintable.Describe failed: ", error);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    public static class Unprintable
    {
        public sealed record Described(Type Kind);

        [Cli] public static Described Describe() => new(typeof(int));
    }

    [Fact]
    public async Task ExceptionsExitOneWithoutStackUnlessDebug()
    {
        var (exit, output, error) = await Run("boom");
        Assert.Equal((1, ""), (exit, output));
        Assert.Equal("Tools.Boom failed: it broke\n", error);
        var debug = await Run("boom", "--debug");
        Assert.Equal(1, debug.Exit);
        Assert.Contains("InvalidOperationException: it broke", debug.Error);
        Assert.Contains(" at ", debug.Error);
    }

    [Fact]
    public async Task ValidationAttributesApply()
    {
        var (exit, _, error) = await Run("ranged", "11");
        Assert.Equal(2, exit);
        Assert.StartsWith("size: '11' exceeds the upper limit 10", error);
    }

    [Fact]
    public async Task GroupsAndRenames()
    {
        Assert.Equal("added ann\n", (await Run("users", "add", "ann")).Output);
        Assert.Equal("[\n  \"ann\",\n  \"bob\"\n]\n", (await Run("users", "ls")).Output);
        Assert.Equal("renamed\n", (await Run("rename-me")).Output);
        var (exit, output, _) = await Run("users", "--help");
        Assert.Equal(0, exit);
        Assert.Contains("Adds a user", output);
        Assert.Contains("Manage users", output);
        var missing = await Run("users");
        Assert.Equal(2, missing.Exit);
    }

    [Fact]
    public async Task NoCommandShowsAvailableCommandsAndExitsOne()
    {
        var (exit, output, _) = await CliRun.RunAsync(typeof(Tools));
        Assert.Equal(1, exit);
        Assert.StartsWith("Tools for the command line.\n\nAvailable Commands:\n\n", output);
        Assert.Contains(" - add: Returns the result of adding number_1 to number_2", output);
        Assert.Contains(" - serve: Serve the API over HTTP", output);
        Assert.Contains(" - users add: Adds a user", (await Run()).Output);
    }

    [Fact]
    public async Task TypoSuggestsTheClosestCommand()
    {
        var (exit, _, error) = await Run("ad", "1", "2");
        Assert.Equal(2, exit);
        Assert.Contains("Did you mean 'add'?", error);
    }

    [Fact]
    public async Task CancellationTokenIsPassed()
    {
        Assert.Equal("waited\n", (await Run("wait", "1")).Output);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await new HugApi().AddType(typeof(Tools)).RunAsync(["wait", "60000"], output, error, cancellation.Token);
        Assert.Equal(130, exit);
    }

    [Fact]
    public async Task ACommandOrGroupNamedServeIsAConfigurationError()
    {
        var command = new HugApi();
        command.Http.Get("/one", () => 1);
        command.Cli.Command("serve", () => 2);
        var (exit, _, error) = await CliRun.RunAsync(command, "serve");
        Assert.Equal(1, exit);
        Assert.Contains("the command name 'serve' is taken by the built-in HTTP server", error);

        var group = new HugApi();
        group.Http.Get("/one", () => 1);
        group.Cli.Group("serve").Command("now", () => 3);
        (exit, _, error) = await CliRun.RunAsync(group, "serve", "now");
        Assert.Equal(1, exit);
        Assert.Contains("the group name 'serve' is taken by the built-in HTTP server; rename the group.", error);
    }

    [Fact]
    public async Task ServeOnlyWhenThereAreHttpEndpoints()
    {
        Assert.DoesNotContain("serve", (await CliRun.RunAsync(typeof(CliOnly), "--help")).Output);
        Assert.Contains("serve", (await CliRun.RunAsync(typeof(HttpOnly), "--help")).Output);
        Assert.Equal(2, (await CliRun.RunAsync(typeof(CliOnly), "serve")).Exit);
    }

    /// <summary>A command line that does not name <c>serve</c> builds it without options; naming it gets them all, and their checks.</summary>
    [Fact]
    public async Task ServeHasItsOptionsWhenNamed()
    {
        var help = await CliRun.RunAsync(typeof(HttpOnly), "serve", "--help");
        Assert.Equal(0, help.Exit);
        Assert.Contains("--port", help.Output);
        Assert.Contains("--no-404-documentation", help.Output);
        var (exit, _, error) = await CliRun.RunAsync(typeof(HttpOnly), "serve", "--port", "70000");
        Assert.Equal(2, exit);
        Assert.Contains("--port: '70000' is not a port; a port is a whole number from 0 to 65535.", error);
        var (notANumber, _, parseError) = await CliRun.RunAsync(typeof(HttpOnly), "serve", "--port", "abc");
        Assert.Equal(2, notANumber); // was an unhandled exception and exit 134
        Assert.Contains("--port: 'abc' is not a port", parseError);
        Assert.DoesNotContain("   at ", parseError);
        Assert.Contains("Serve the API over HTTP", (await CliRun.RunAsync(typeof(HttpOnly), "--help")).Output);
    }

    [Fact]
    public async Task HttpOnlyParametersAreAStartupError()
    {
        var (exit, _, error) = await CliRun.RunAsync(typeof(NeedsHttp), "path");
        Assert.Equal(1, exit);
        Assert.Contains("NeedsHttp.Path", error);
        Assert.Contains("'request'", error);
    }

    [Fact]
    public async Task FluentCommandsAndDuplicates()
    {
        var api = new HugApi();
        api.Cli.Command(Tools.Add).Group("math").Command("plus", (int a, int b) => a + b);
        Assert.Equal("5\n", (await CliRun.RunAsync(api, "math", "plus", "2", "3")).Output);
        Assert.Equal("5\n", (await CliRun.RunAsync(api, "add", "2", "3")).Output);

        var duplicate = new HugApi();
        duplicate.Cli.Command("same", () => 1).Command("same", () => 2);
        var (exit, _, error) = await CliRun.RunAsync(duplicate, "same");
        Assert.Equal(1, exit);
        Assert.Contains("duplicate command 'same'", error);
    }

    [Fact]
    public async Task ServicesReachCommands()
    {
        var api = new HugApi();
        api.Services.AddSingleton<IClock, FixedClock>();
        api.Cli.Command("today", (IClock clock) => clock.Today);
        Assert.Equal("2026-11-22\n", (await CliRun.RunAsync(api, "today")).Output);
    }

    [Fact]
    public void ClosestCommand()
    {
        Assert.Equal("add", Hug.Cli.CliApplication.Closest("ad", ["add", "serve"]));
        Assert.Equal("serve", Hug.Cli.CliApplication.Closest("serv", ["add", "serve"]));
        Assert.Null(Hug.Cli.CliApplication.Closest("zzzzz", ["add", "serve"]));
    }
}
