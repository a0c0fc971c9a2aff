using Hug.Tests.Support;

namespace Hug.Tests.Examples;

/// <summary>examples/Addition's command line, run as a real process.</summary>
public sealed class AdditionCliExampleTests
{
    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        await using var example = ExampleProcess.Start("Addition", null, args);
        var exit = await example.WaitForExitAsync();
        return (exit, example.Output, example.Error);
    }

    [Fact]
    public async Task Adds() => Assert.Equal((0, "3\n", ""), await Run("add", "1", "2"));

    [Fact]
    public async Task MissingArgument()
    {
        var (exit, output, error) = await Run("add", "1");
        Assert.Equal((2, ""), (exit, output));
        Assert.StartsWith("number_2: Required parameter 'number_2' not supplied", error);
        Assert.Contains("add <number_1> <number_2>", error);
    }

    [Fact]
    public async Task InvalidArgument()
    {
        var (exit, _, error) = await Run("add", "x", "2");
        Assert.Equal(2, exit);
        Assert.StartsWith("number_1: Invalid whole number provided", error);
    }

    [Fact]
    public async Task Help()
    {
        var (exit, output, _) = await Run("--help");
        Assert.Equal(0, exit);
        Assert.Contains("A simple API to enable adding two numbers together", output);
        Assert.Contains("Returns the result of adding number_1 to number_2", output);
        Assert.Contains("serve", output);
        var command = await Run("add", "--help");
        Assert.Contains("<number_1>  A whole number", command.Output);
    }

    [Fact]
    public async Task Version()
    {
        var (exit, output, _) = await Run("--version");
        Assert.Equal(0, exit);
        Assert.StartsWith("0.1.0", output);
    }
}
