using System.Text.RegularExpressions;
using Hug.Tests.Support;

namespace Hug.Tests.Examples;

/// <summary>The README's example is the code examples/Addition runs (and its tests exercise).</summary>
public sealed partial class ReadmeTests
{
    [Fact]
    public void ReadmeExampleIsExamplesAddition()
    {
        var readme = File.ReadAllText(Path.Combine(ExampleProcess.RepositoryRoot, "README.md"));
        var firstCSharpBlock = CSharpBlock().Match(readme).Groups[1].Value;
        var example = File.ReadAllText(Path.Combine(ExampleProcess.RepositoryRoot, "examples", "Addition", "Addition.cs"));
        Assert.Equal(Normalize(example), Normalize(firstCSharpBlock));
    }

    [Fact]
    public void ReadmeCommandsNameRealPaths()
    {
        var readme = File.ReadAllText(Path.Combine(ExampleProcess.RepositoryRoot, "README.md"));
        Assert.Contains("dotnet run --project examples/Addition -- serve --port 8000", readme);
        Assert.Contains("dotnet test Hug.slnx", readme);
        Assert.Contains("dotnet test Hug.slnx", File.ReadAllText(Path.Combine(ExampleProcess.RepositoryRoot, ".ci", "run")));
        var entryPoint = File.ReadAllText(Path.Combine(ExampleProcess.RepositoryRoot, "examples", "Addition", "Program.cs"));
        Assert.Contains("return HugApi.Run(args);", entryPoint);
        Assert.Contains("return HugApi.Run(args);", readme);
    }

    private static string Normalize(string code) => code.Replace("\r\n", "\n").Trim();

    [GeneratedRegex("```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
