using Hug.Tests.Support;

namespace Hug.Tests.Reliability;

/// <summary>
/// A command line whose stdout or stderr is closed (issue 35, point 7): help printed System.CommandLine's "Unhandled
/// exception" with a stack trace, and a usage error with stderr closed aborted the process (exit 134).
/// </summary>
public sealed class ClosedOutputTests
{
    private static async Task<(int Exit, string Output)> Shell(string redirections, string arguments) =>
        await Processes.RunAsync("bash", ["-c", $"dotnet \"{ExampleProcess.ExampleDll("Addition")}\" {arguments} {redirections}"], Path.GetTempPath());

    [Fact]
    public async Task HelpWithStdoutClosedIsOneLineExit1()
    {
        var (exit, output) = await Shell(">&-", "--help");
        Assert.Equal(1, exit);
        Assert.Equal("Cannot write the answer: Bad file descriptor", output.Trim());
    }

    /// <summary>
    /// Issue 35, point 6: a stream piped into <c>head</c> ran to its end (and an endless one never ended). 100,000 items at
    /// 10 ms each would take 17 minutes: the process bound of the run below fails the test long before, if it goes on.
    /// </summary>
    [Fact]
    public async Task AStreamStopsWhenItsReaderIsGone()
    {
        var formats = ExampleProcess.ExampleDll("Formats");
        var (exit, output) = await Processes.RunAsync("bash",
            ["-c", $$"""dotnet "{{formats}}" arrivals --count 100000 | head -c 1 > /dev/null; echo "exit ${PIPESTATUS[0]}" """], Path.GetTempPath(), TimeSpan.FromMinutes(2));
        Assert.Equal((0, "exit 141"), (exit, output.Trim()));
    }

    [Fact]
    public async Task AUsageErrorWithStderrClosedExitsWithoutAborting()
    {
        var (exit, output) = await Shell("2>&-", "add x 2");
        Assert.Equal((1, ""), (exit, output));
    }
}
