using Hug.Generation;
using Microsoft.CodeAnalysis;

namespace Hug.Generators.Tests;

/// <summary>What the generator writes for a snippet, and that the snippet then runs as an API without reflection over it.</summary>
public sealed class GeneratedSourceTests
{
    private const string Calculator = """
        using Hug;

        /// <summary>Sums</summary>
        public static class Calc
        {
            /// <summary>Adds two numbers</summary>
            [Get, Cli]
            public static int Add(int number_1, int number_2) => number_1 + number_2;

            [Post("/scale")]
            public static double Scale(double value, double factor = 2) => value * factor;
        }
        """;

    [Fact]
    public async Task ASnippetCompilesAndRunsThroughItsGeneratedRegistration()
    {
        var run = GeneratorRun.Of(Calculator);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileDiagnostics);
        var assembly = run.Load();
        var calc = assembly.GetType("Calc", throwOnError: true)!;
        Assert.Equal([calc], GeneratedEndpoints.TypesOf(assembly));
        Assert.NotNull(GeneratedEndpoints.Describe(calc));

        var api = HugApi.FromAssembly(assembly);
        Assert.Equal(3, await api.Local.CallAsync<int>("add", new { number_1 = 1, number_2 = 2 }));
        Assert.Equal(5.0, await api.Local.CallAsync<double>("scale", new { value = 2.5 }));
    }

    [Fact]
    public void EachMethodGetsADirectCallAndItsFacts()
    {
        var source = GeneratorRun.Of(Calculator).Source!;
        Assert.Contains("[global::System.Runtime.CompilerServices.ModuleInitializer]", source);
        Assert.Contains("var b0 = (global::Hug.Generation.IArgumentBinder<int>)binders[0]; var b1 = (global::Hug.Generation.IArgumentBinder<int>)binders[1]; "
            + "return new global::System.Func<global::Hug.Generation.CallArguments, global::System.Threading.Tasks.ValueTask<int>>(a => "
            + "{ var p0 = b0.Bind(a); var p1 = b1.Bind(a); return a.Failed ? default : new global::System.Threading.Tasks.ValueTask<int>(global::Calc.Add(p0, p1)); });", source);
        Assert.Contains("new global::Hug.GetAttribute((string)null)", source);
        Assert.Contains("new global::Hug.Generation.GeneratedParameter(\"factor\", typeof(double), global::System.Array.Empty<global::System.Attribute>(), hasDefault: true, defaultValue: (global::System.Double)(2))", source);
        Assert.Contains("summary: \"Adds two numbers\"", source);
    }

    [Theory]
    [InlineData(DocumentationMode.Diagnose)]
    [InlineData(DocumentationMode.None)] // a project without GenerateDocumentationFile: the comments are read all the same
    public void DocumentationCommentsBecomeTextsAtBuildTime(DocumentationMode mode)
    {
        var source = GeneratorRun.Of(["""
            using Hug;
            /// <summary>Greets   people.</summary>
            public static class Greeter
            {
                /// <summary>Says hello to <paramref name="name"/>, see <see cref="System.String"/>.</summary>
                /// <param name="name">Who,
                /// on two lines.</param>
                /// <returns>The <c>greeting</c>.</returns>
                [Cli]
                public static string Hello(string name, int times = 1) => name;
            }
            """], withHug: true, documentation: mode).Source!;
        Assert.Contains("summary: \"Greets people.\"", source);
        Assert.Contains("summary: \"Says hello to name, see String.\"", source);
        Assert.Contains("returns: \"The greeting.\"", source);
        Assert.Contains("documentation: \"Who, on two lines.\"", source);
        Assert.DoesNotContain("<summary>", source); // nothing is left for start-up to parse
    }

    [Theory]
    [InlineData("[Get] public static int Add(int a) => a;", true)]
    [InlineData("[Cli] public static int Add(int a) => a;", false)]
    [InlineData("[Cli, SocketCall] public static int Add(int a) => a;", true)]
    [InlineData("[Cli] public static string Docs([Documentation] System.Text.Json.Nodes.JsonObject d) => \"\";", true)]
    [InlineData("[Cli] public static int Add(int a) => a; public static void Set(HugApi api) => api.WebSocket<Echo>(\"/echo\");", true)]
    [InlineData("[Cli] public static int Add(int a) => a; public static void Set(HugApi api) => api.Options.AllMethodsOverWebSocket = true;", true)]
    [InlineData("[Cli] public static int Add(int a) => a; public static void Set(HugApi api) => api.Http.Urls(\"/x\");", true)]
    public void OnlyAProgramThatServesCompilesServeIn(string members, bool serves)
    {
        var run = GeneratorRun.Of([$$"""
            using Hug;
            public sealed class Echo : WebSocketEndpoint { }
            public static class Api { {{members}} }
            """], withHug: true, withTie: true);
        Assert.Empty(run.CompileDiagnostics);
        var inclusion = run.Generated("HugServe.g.cs");
        if (!serves) Assert.Null(inclusion);
        else Assert.Contains("global::Hug.HugServe.Include();", inclusion);
    }

    [Theory]
    [InlineData("[Get] public static int Add(int a) => a;", false)]
    [InlineData("[Get] public static string Me(HugSession session) => session[\"name\"] ?? \"\";", true)]
    [InlineData("[Cli] public static int Count(HugSession session) => session.Keys.Count;", true)]
    public void OnlyAProgramWhoseMethodsTakeASessionCompilesTheStoreIn(string members, bool takes)
    {
        var run = GeneratorRun.Of([$"using Hug; public static class Api {{ {members} }}"], withHug: true, withTie: true);
        Assert.Empty(run.CompileDiagnostics);
        var inclusion = run.Generated("HugSessions.g.cs");
        if (!takes) Assert.Null(inclusion);
        else Assert.Contains("global::Hug.HugSessions.Include();", inclusion);
    }

    [Fact]
    public void ALibraryWithoutTheHugAssemblyNeedsNoServe()
    {
        var run = GeneratorRun.Of(["using Hug; public static class Api { [Get] public static int Add(int a) => a; }"], withHug: true);
        Assert.Empty(run.CompileDiagnostics);
        Assert.NotNull(run.Source);
        Assert.Null(run.Generated("HugServe.g.cs"));
    }

    [Fact]
    public void EachUncommonTypeGetsTheShapeOfItsConverter()
    {
        var run = GeneratorRun.Of("""
            using Hug;
            using System.Collections.Generic;
            public enum Color { Red }
            public record Point(int X);
            public static class Shaped
            {
                [Cli]
                public static IAsyncEnumerable<Point> Items(Color color, Color? maybe, System.Guid id, decimal? price, List<Color> colors, int[] sizes,
                    Point point, string name, int count, Microsoft.Extensions.Logging.ILogger<Point> log, System.Threading.CancellationToken token = default) => null!;
            }
            """);
        Assert.Empty(run.CompileDiagnostics);
        var source = run.Source!;
        const string Shapes = "global::Hug.Generation.Shapes.";
        Assert.Contains($"shape: {Shapes}Enum<global::Color>()", source);
        Assert.Contains($"shape: {Shapes}Nullable<global::Color>({Shapes}Enum<global::Color>())", source);
        Assert.Contains($"shape: {Shapes}Parsable<global::System.Guid>()", source);
        Assert.Contains($"shape: {Shapes}Nullable<decimal>({Shapes}Of<decimal>())", source);
        Assert.Contains($"shape: {Shapes}Collection<global::System.Collections.Generic.List<global::Color>, global::Color>({Shapes}Enum<global::Color>(), static items => items)", source);
        Assert.Contains($"shape: {Shapes}Collection<int[], int>({Shapes}Of<int>(), static items => items.ToArray())", source);
        Assert.Contains($"shape: {Shapes}Of<global::Point>()", source);
        Assert.Contains($"shape: {Shapes}Logger<global::Point>()", source);
        Assert.Contains("hasDefault: true, defaultValue: default(global::System.Threading.CancellationToken), shape: " + Shapes + "Of<global::System.Threading.CancellationToken>()", source);
        Assert.Contains($"result: {Shapes}Stream<global::System.Collections.Generic.IAsyncEnumerable<global::Point>, global::Point>()", source);
        // The core shapes string and the usual numbers itself, in code precompiled with it.
        Assert.DoesNotContain("Of<string>", source);
        Assert.DoesNotContain("shape: " + Shapes + "Of<int>", source);
    }

    [Fact]
    public void TypesMadePerCallOrConnectionGetATypedFactory()
    {
        var run = GeneratorRun.Of("""
            using Hug;
            using System.Threading.Tasks;
            public sealed class Greeter { [Cli] public string Hello(string name) => "hi " + name; }
            [WebSocket("/echo")] public sealed class Echo : WebSocketEndpoint { }
            public static class Plain { [Cli] public static int One() => 1; }
            """);
        Assert.Empty(run.CompileDiagnostics);
        // With the type as a type argument, trimming and Native AOT keep the constructors DI calls.
        Assert.Contains("factory: global::Hug.Generation.GeneratedCalls.Factory<global::Greeter>)", run.Source!);
        Assert.Contains("factory: global::Hug.Generation.GeneratedCalls.Factory<global::Echo>)", run.Source!);
        Assert.DoesNotContain("Factory<global::Plain>", run.Source!);
    }

    [Fact]
    public void TypesRegisterInDeclarationOrderAcrossFiles()
    {
        var source = GeneratorRun.Of(
            "using Hug; public static class Second { [Get] public static int B() => 2; } public static class Third { [Cli] public static int C() => 3; }",
            "using Hug; public static class Fourth { [SocketCall] public static int D() => 4; }").Source!;
        Assert.True(source.IndexOf("typeof(global::Second)", StringComparison.Ordinal) < source.IndexOf("typeof(global::Third)", StringComparison.Ordinal));
        Assert.True(source.IndexOf("typeof(global::Third)", StringComparison.Ordinal) < source.IndexOf("typeof(global::Fourth)", StringComparison.Ordinal));
    }

    [Fact]
    public void AWebSocketEndpointClassIsListed()
    {
        var source = GeneratorRun.Of("""
            using Hug;
            [WebSocket("/echo")]
            public sealed class Echo : WebSocketEndpoint { }
            """).Source!;
        Assert.Contains("typeof(global::Echo)", source);
        Assert.Contains("new global::Hug.WebSocketAttribute(\"/echo\")", source);
    }

    [Fact]
    public async Task AMethodMarkedWithASubclassOfAnEndpointAttributeIsFound()
    {
        var run = GeneratorRun.Of("""
            using Hug;
            public sealed class ReadAttribute(string url) : HttpAttribute(url) { }
            public static class Books
            {
                [Read("/books/{id}")]
                public static string Find(int id) => "book " + id;
            }
            """);
        Assert.Empty(run.Diagnostics);
        Assert.Contains("typeof(global::Books)", run.Source!);
        var api = HugApi.FromAssembly(run.Load());
        Assert.Equal("book 7", await api.Local.CallAsync<string>("find", new { id = 7 }));
    }

    [Fact]
    public void AProjectWithoutHugGetsNothing()
    {
        var run = GeneratorRun.Of(["public static class Plain { public static int One() => 1; }"], withHug: false);
        Assert.Null(run.Source);
        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public void ATypeGeneratedCodeCannotNameIsFoundByNameAndReadThroughReflection()
    {
        var run = GeneratorRun.Of("""
            using Hug;
            public static class Outer
            {
                private static class Hidden { [Get] public static int Secret() => 42; }
            }
            """);
        Assert.Contains("typeof(HugGeneratedEndpoints).Assembly.GetType(\"Outer+Hidden\", true)!", run.Source!);
        Assert.DoesNotContain("if (type == ", run.Source!);
        Assert.Equal(["HUG004"], run.Diagnostics.Select(d => d.Id));
    }
}
