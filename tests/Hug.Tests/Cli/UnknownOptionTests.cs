using Hug.Tests.Support;

namespace Hug.Tests.Cli;

/// <summary>An option-like token that matches no option is a usage error (issue 22, item 1), not a value.</summary>
public sealed class UnknownOptionTests
{
    public static class Greetings
    {
        /// <summary>Greets someone</summary>
        [Cli]
        public static string Greet(string name, bool excited = false, int times = 1) =>
            string.Concat(Enumerable.Repeat($"Hello, {name}{(excited ? "!" : ".")}", times));

        /// <summary>Echoes its tags</summary>
        [Cli]
        public static string[] Tags(string[] tag) => tag;

        /// <summary>Adds</summary>
        [Cli]
        public static int Add(int a, int b) => a + b;
    }

    [Fact]
    public async Task AMistypedOptionIsRefusedWithASuggestion()
    {
        var (exit, output, error) = await CliRun.RunAsync(typeof(Greetings), "greet", "--excitd", "Ann");
        Assert.Equal((2, ""), (exit, output));
        Assert.StartsWith("Unrecognized option '--excitd'.\nDid you mean '--excited'?\n", error.Replace("\r", ""));
        Assert.Contains("greet <name> [options]", error);
    }

    [Fact]
    public async Task OptionsGivenToAListAreRefused()
    {
        var (exit, output, error) = await CliRun.RunAsync(typeof(Greetings), "tags", "--tag", "a", "--tag", "b");
        Assert.Equal((2, ""), (exit, output));
        Assert.Contains("Unrecognized option '--tag'.", error);
    }

    [Fact]
    public async Task AfterDoubleDashAValueMayStartWithADash()
    {
        Assert.Equal((0, "Hello, --excitd.\n", ""), await CliRun.RunAsync(typeof(Greetings), "greet", "--", "--excitd"));
        var (exit, output, _) = await CliRun.RunAsync(typeof(Greetings), "tags", "--", "-a", "--b");
        Assert.Equal(0, exit);
        Assert.Contains("\"--b\"", output);
    }

    [Fact]
    public async Task NegativeNumbersAndKnownOptionsStayWhatTheyAre()
    {
        Assert.Equal((0, "-1\n", ""), await CliRun.RunAsync(typeof(Greetings), "add", "-3", "2"));
        Assert.Equal((0, "Hello, Ann!Hello, Ann!\n", ""), await CliRun.RunAsync(typeof(Greetings), "greet", "Ann", "--excited", "--times", "2"));
    }

    [Fact]
    public async Task AnUnknownTrailingOptionSuggestsTheNearestOption()
    {
        var (exit, _, error) = await CliRun.RunAsync(typeof(Greetings), "greet", "Ann", "--tims", "2");
        Assert.Equal(2, exit);
        Assert.Contains("Did you mean '--times'?", error);
    }

    [Fact]
    public async Task TheRealProcessRefusesAnUnknownOption()
    {
        await using var example = ExampleProcess.Start("Addition", null, "add", "1", "--numbr-2", "2");
        Assert.Equal(2, await example.WaitForExitAsync());
        Assert.Equal("", example.Output);
        Assert.Contains("Unrecognized option '--numbr-2'.", example.Error);
    }
}
