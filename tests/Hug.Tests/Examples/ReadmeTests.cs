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

    [Fact]
    public void TheSeveralInstancesSnippetIsExamplesChat()
    {
        var readme = Normalize(File.ReadAllText(Path.Combine(ExampleProcess.RepositoryRoot, "README.md")));
        var program = Normalize(File.ReadAllText(Path.Combine(ExampleProcess.RepositoryRoot, "examples", "Chat", "Program.cs")));
        Assert.Contains("```csharp\n" + program + "\n```", readme);
    }

    /// <summary>Every <c>#region README: …</c> of a test (code that runs) appears verbatim in a README code block.</summary>
    [Fact]
    public void ReadmeSnippetsAreTestedCode()
    {
        var readme = Normalize(File.ReadAllText(Path.Combine(ExampleProcess.RepositoryRoot, "README.md")));
        var regions = Directory.EnumerateFiles(Path.Combine(ExampleProcess.RepositoryRoot, "tests", "Hug.Tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => ReadmeRegion().Matches(File.ReadAllText(f).Replace("\r\n", "\n")))
            .ToDictionary(m => m.Groups[1].Value, m => Dedent(m.Groups[2].Value));
        Assert.Contains("Use", regions.Keys);
        Assert.Contains("Testing", regions.Keys);
        foreach (var (name, code) in regions)
            Assert.True(readme.Contains("```csharp\n" + code + "\n```", StringComparison.Ordinal), $"README lacks the '{name}' snippet as tested:\n{code}");
    }

    private static string Dedent(string code)
    {
        var lines = code.Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart())).Trim('\n').TrimEnd();
    }

    [GeneratedRegex(@"#region README: (\w+)\n(.*?)\n[ \t]*#endregion", RegexOptions.Singleline)]
    private static partial Regex ReadmeRegion();

    private static string Normalize(string code) => code.Replace("\r\n", "\n").Trim();

    [GeneratedRegex("```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
