using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Hug.Generators.Tests;

/// <summary>The generator is incremental: an edit that touches no endpoint reuses its models; one that does re-reads only what changed.</summary>
public sealed class IncrementalTests
{
    private const string Api = "using Hug; public static class Calc { [Get] public static int Add(int a, int b) => a + b; }";
    private const string Other = "public static class Helper { public static int Twice(int x) => x * 2; }";

    [Fact]
    public void AnUnrelatedEditReusesEveryModel()
    {
        var first = GeneratorRun.Of(Api, Other);
        var edited = Replace(first.Input, 1, "public static class Helper { public static int Twice(int x) => x + x; }");
        var second = first.Rerun(edited);

        Assert.Equal(first.Source, second.Source);
        var types = second.Result.TrackedSteps[EndpointGenerator.TypesStep].SelectMany(step => step.Outputs).ToList();
        Assert.NotEmpty(types);
        Assert.All(types, output => Assert.Contains(output.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
        Assert.All(second.Result.TrackedSteps[EndpointGenerator.OrderStep].SelectMany(step => step.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Unchanged, output.Reason));
    }

    [Fact]
    public void AnEditToAnEndpointIsReadAgain()
    {
        var first = GeneratorRun.Of(Api, Other);
        var second = first.Rerun(Replace(first.Input, 0, "using Hug; public static class Calc { [Get] public static int Add(int a, int c) => a + c; }"));
        Assert.Contains("GeneratedParameter(\"c\"", second.Source);
        Assert.Contains(second.Result.TrackedSteps[EndpointGenerator.TypesStep].SelectMany(step => step.Outputs),
            output => output.Reason == IncrementalStepRunReason.Modified);
    }

    private static Compilation Replace(Compilation compilation, int file, string source)
    {
        var old = compilation.SyntaxTrees.Single(tree => tree.FilePath == $"File{file}.cs");
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(source, (CSharpParseOptions)old.Options, old.FilePath));
    }
}
