using Hug.Tests.Cli;
using Hug.Tests.Support;

namespace Hug.Tests.Reliability;

/// <summary>Response files (issue 21, finding 8): bad ones are one-line usage errors, exit 2; good ones still work.</summary>
public sealed class ResponseFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("hug-rsp-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task AResponseFileSuppliesTokensAndMayNameAnother()
    {
        File.WriteAllText(Path.Combine(folder, "numbers.rsp"), "# the numbers\n1 \"2\"\n");
        File.WriteAllText(Path.Combine(folder, "add.rsp"), $"add\n@{Path.Combine(folder, "numbers.rsp")}\n");
        var (exit, output, _) = await CliRun.RunAsync(typeof(Tools), "@" + Path.Combine(folder, "add.rsp"));
        Assert.Equal(0, exit);
        Assert.Equal("3\n", output);
    }

    [Fact]
    public async Task AResponseFileThatIncludesItselfIsAUsageError()
    {
        var self = Path.Combine(folder, "self.rsp");
        File.WriteAllText(self, $"add\n@{self}\n");
        await AssertUsageError("@" + self, "includes itself");
    }

    /// <summary>Issue 35, point 12: a FIFO nobody writes to blocked the command forever.</summary>
    [Fact]
    public async Task APipeNobodyWritesToIsAUsageErrorNotAHang()
    {
        if (OperatingSystem.IsWindows()) return; // no mkfifo
        var fifo = Path.Combine(folder, "args.fifo");
        var (made, output) = await Processes.RunAsync("mkfifo", [fifo], folder);
        Assert.True(made == 0, output);
        await AssertUsageError("@" + fifo, "gave nothing to read");
    }

    [Fact]
    public async Task ADirectoryIsAUsageError() => await AssertUsageError("@" + folder, "is a directory");

    [Fact]
    public async Task AFileThatNeverEndsIsAUsageError()
    {
        if (!File.Exists("/dev/zero")) return; // no endless device file on this OS (the size limit is the same code path)
        await AssertUsageError("@/dev/zero", "limited to 1 MiB");
    }

    [Fact]
    public async Task AMissingFileIsAUsageError() => await AssertUsageError("@" + Path.Combine(folder, "missing.rsp"), "not found");

    private static async Task AssertUsageError(string token, string message)
    {
        var (exit, output, error) = await CliRun.RunAsync(typeof(Tools), token);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains(message, error);
        Assert.DoesNotContain("   at ", error); // no stack trace
    }
}
