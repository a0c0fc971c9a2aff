using Hug.Tests.Support;
using Xunit.Abstractions;

namespace Hug.Tests.Aot;

/// <summary>
/// A command-only API (benchmarks/cli/HugCommands: examples/Addition's method with <c>[Cli]</c> alone) as a Native AOT
/// binary (issue 17, size): nothing is served, so the generator leaves <c>serve</c> out and trimming removes ASP.NET
/// Core's web host; examples/Addition, which serves, keeps it.
/// </summary>
[Collection("Native AOT")]
public sealed class NativeCommandsTests(ITestOutputHelper output)
{
    [NativeFact]
    public async Task ACommandOnlyProgramCarriesNoWebHost()
    {
        var commands = await NativeApp.BinaryAsync("benchmarks/cli/HugCommands", output);
        Assert.Equal((0, "3\n", ""), await NativeApp.RunAsync(commands, "add", "1", "2"));
        var help = await NativeApp.RunAsync(commands, "--help");
        Assert.Contains("add <number_1> <number_2>  Returns the result of adding number_1 to number_2", help.Output);
        Assert.DoesNotContain("serve", help.Output);

        var served = await NativeApp.BinaryAsync("Addition", output);
        output.WriteLine($"HugCommands {new FileInfo(commands).Length:N0} bytes, Addition {new FileInfo(served).Length:N0} bytes");
        Assert.False(Mentions(commands, "KestrelServer"), "the command-only binary has Kestrel compiled in");
        Assert.True(Mentions(served, "KestrelServer"), "the check cannot see Kestrel in a binary that serves");
        Assert.False(Mentions(commands, "XmlReader"), "the command-only binary parses XML (documentation comments are read at build time)");
    }

    /// <summary>Whether the binary holds <paramref name="text"/> (type names stay in a native image's metadata and strings).</summary>
    private static bool Mentions(string binary, string text) =>
        File.ReadAllBytes(binary).AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(text)) >= 0;
}
