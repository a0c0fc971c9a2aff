using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Hug.Generators.Tests;

/// <summary>Compiles C# snippets against Hug with the generator, as a project referencing Hug would be compiled.</summary>
public sealed class GeneratorRun
{
    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => !Path.GetFileName(path).StartsWith("Hug", StringComparison.Ordinal))
            .Select(path => MetadataReference.CreateFromFile(path)),
        MetadataReference.CreateFromFile(typeof(HugApi).Assembly.Location),
    ];

    private static readonly MetadataReference Tie = MetadataReference.CreateFromFile(typeof(HugServe).Assembly.Location);

    /// <summary>Hug.Http, which a program referencing Hug gets too.</summary>
    private static readonly MetadataReference Http = MetadataReference.CreateFromFile(typeof(HugSessions).Assembly.Location);

    private static int snippets;

    private GeneratorRun(GeneratorDriver driver, Compilation input, Compilation output, ImmutableArray<Diagnostic> compileDiagnostics)
    {
        Driver = driver;
        Input = input;
        Output = output;
        CompileDiagnostics = compileDiagnostics;
    }

    public GeneratorDriver Driver { get; }
    public Compilation Input { get; }
    public Compilation Output { get; }

    /// <summary>The compiler's diagnostics on the output (what a build would report besides the generator's).</summary>
    public ImmutableArray<Diagnostic> CompileDiagnostics { get; }

    public GeneratorRunResult Result => Driver.GetRunResult().Results.Single();

    /// <summary>The generator's diagnostics (HUG00x).</summary>
    public ImmutableArray<Diagnostic> Diagnostics => Result.Diagnostics;

    /// <summary>The generated registration, or null when nothing was generated.</summary>
    public string? Source => Generated("HugGeneratedEndpoints.g.cs");

    /// <summary>The generated file named <paramref name="hintName"/>, or null.</summary>
    public string? Generated(string hintName) =>
        Result.GeneratedSources.SingleOrDefault(s => s.HintName == hintName).SourceText?.ToString();

    /// <summary>Runs the generator on files <c>File0.cs</c>, <c>File1.cs</c>, … holding <paramref name="sources"/>.</summary>
    public static GeneratorRun Of(params string[] sources) => Of(sources, withHug: true);

    /// <summary>
    /// Runs the generator on <paramref name="sources"/>: <paramref name="withHug"/> references Hug.Core (the generator's
    /// registrations), <paramref name="withTie"/> also the Hug assembly a program references (<c>HugApi.Run</c>, <c>serve</c>).
    /// </summary>
    public static GeneratorRun Of(string[] sources, bool withHug, bool withTie = false, DocumentationMode documentation = DocumentationMode.Diagnose,
        bool publishAot = false)
    {
        var parse = Parse.WithDocumentationMode(documentation);
        var compilation = CSharpCompilation.Create("Snippet" + Interlocked.Increment(ref snippets),
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, parse, path: $"File{i}.cs")),
            withHug ? (withTie ? [.. References, Tie, Http] : References) : [.. References.Where(r => !r.Display!.EndsWith("Hug.Core.dll", StringComparison.Ordinal))],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new EndpointGenerator().AsSourceGenerator()], parseOptions: parse,
            optionsProvider: new BuildProperties(publishAot ? new() { ["build_property.PublishAot"] = "true" } : []),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        return Run(driver, compilation);
    }

    /// <summary>Runs the same driver again on <paramref name="edited"/> (incremental: cached steps are reused).</summary>
    public GeneratorRun Rerun(Compilation edited) => Run(Driver, edited);

    private static GeneratorRun Run(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return new GeneratorRun(driver, compilation, output, output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray());
    }

    /// <summary>Emits and loads the compiled snippet (its generated module initializer registers it with Hug).</summary>
    public Assembly Load()
    {
        using var image = new MemoryStream();
        var emitted = Output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        return AssemblyLoadContext.Default.LoadFromStream(image);
    }

    /// <summary>The MSBuild properties a project makes visible to the compiler (<c>CompilerVisibleProperty</c>).</summary>
    private sealed class BuildProperties(Dictionary<string, string> values) : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider
    {
        public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GlobalOptions { get; } = new Values(values);

        public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Values([]);

        public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Values([]);

        private sealed class Values(Dictionary<string, string> values) : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }

    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest, DocumentationMode.Diagnose);
}
