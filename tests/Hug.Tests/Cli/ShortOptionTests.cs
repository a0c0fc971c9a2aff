using Hug.Tests.Support;

namespace Hug.Tests.Cli;

/// <summary>Options get hug's short forms (issue 22, item 2): the first letter when it is unique in the command, or what <c>[ShortOption]</c> says.</summary>
public sealed class ShortOptionTests
{
    public static class Greetings
    {
        /// <summary>Greets someone</summary>
        [Cli]
        public static string Greet(string name, bool excited = false, int times = 1) =>
            string.Concat(Enumerable.Repeat($"Hello, {name}{(excited ? "!" : ".")}", times));

        /// <summary>Two options start with 'c', one is 'h' (help's), one is set and one removed</summary>
        [Cli]
        public static string Paint(string wall, string colour = "red", int coats = 1, bool hurry = false,
            [ShortOption('x')] bool extra = false, [ShortOption(false)] bool dry = false) =>
            $"{wall} {colour} {coats} {hurry} {extra} {dry}";
    }

    public static class Clash
    {
        /// <summary>Two parameters ask for the same letter</summary>
        [Cli]
        public static string Both([ShortOption('a')] int first = 0, [ShortOption('a')] int second = 0) => "";
    }

    public static class OnPositional
    {
        /// <summary>A required parameter has no option to shorten</summary>
        [Cli]
        public static string Name([ShortOption('n')] string name) => name;
    }

    [Fact]
    public async Task TheFirstLetterOfAnOptionIsItsShortForm()
    {
        Assert.Equal((0, "Hello, Ann!Hello, Ann!\n", ""), await CliRun.RunAsync(typeof(Greetings), "greet", "Ann", "-e", "-t", "2"));
        Assert.Equal((0, "Hello, Ann!\n", ""), await CliRun.RunAsync(typeof(Greetings), "greet", "-e", "Ann"));
    }

    [Fact]
    public async Task ALetterTwoOptionsShareOrHelpsIsNotGivenButAnAttributeSetsOrRemovesOne()
    {
        Assert.Equal((0, "hall red 1 False True False\n", ""), await CliRun.RunAsync(typeof(Greetings), "paint", "hall", "-x"));
        foreach (var shared in new[] { "-c", "-d", "-e" }) // colour and coats share c; dry has none; extra has x
        {
            var (exit, _, error) = await CliRun.RunAsync(typeof(Greetings), "paint", "hall", shared);
            Assert.Equal(2, exit);
            Assert.Contains($"Unrecognized option '{shared}'.", error);
        }
        var help = await CliRun.RunAsync(typeof(Greetings), "paint", "-h"); // -h stays help
        Assert.Equal(0, help.Exit);
        Assert.Contains("--hurry", help.Output);
    }

    [Fact]
    public async Task HelpShowsTheShortForms()
    {
        var (exit, output, _) = await CliRun.RunAsync(typeof(Greetings), "greet", "--help");
        Assert.Equal(0, exit);
        Assert.Matches(@"-e, --excited", output);
        Assert.Matches(@"-t, --times <times>", output);
        var paint = (await CliRun.RunAsync(typeof(Greetings), "paint", "--help")).Output;
        Assert.Contains("-x, --extra", paint);
        Assert.Matches(@"(?m)^\s+--dry\b", paint);
        Assert.Matches(@"(?m)^\s+--colour\b", paint);
        Assert.Matches(@"(?m)^\s+--hurry\b", paint);
    }

    [Fact]
    public async Task ALetterAskedForTwiceOrOnAPositionalArgumentIsAConfigurationError()
    {
        Assert.Equal((1, "", "Clash.Both: parameters 'first' and 'second' both have the short option -a.\n"), await CliRun.RunAsync(typeof(Clash), "both"));
        var (exit, _, error) = await CliRun.RunAsync(typeof(OnPositional), "name", "x");
        Assert.Equal(1, exit);
        Assert.Contains("[ShortOption] on parameter 'name', which is a positional argument", error);
    }

    [Fact]
    public async Task TheRealProcessTakesAShortOption()
    {
        await using var example = ExampleProcess.Start("Formats", null, "find", "-t", "Emma");
        Assert.Equal(0, await example.WaitForExitAsync());
        Assert.Contains("\"title\":\"Emma\"", example.Output.Replace(" ", ""));
        await using var help = ExampleProcess.Start("Formats", null, "find", "--help");
        Assert.Equal(0, await help.WaitForExitAsync());
        Assert.Contains("-t, --title", help.Output);
    }
}
