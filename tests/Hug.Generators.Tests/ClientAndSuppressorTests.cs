using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Hug.Generators.Tests;

/// <summary>
/// What issue 33 added to the generator: the typed client per class (only what a caller supplies), and CS1573 kept quiet
/// for the parameters Hug fills (services, directives, the token) but not for a caller's input.
/// </summary>
public sealed class ClientAndSuppressorTests
{
    private const string Api = """
        using System.Threading;
        using Microsoft.Extensions.Logging;
        using Hug;

        namespace Shop;

        public sealed class Stock(ILogger<Stock> logger) { public ILogger Logger => logger; }

        public sealed record Item(string Name, int Count);

        /// <summary>The shop</summary>
        public static class Orders
        {
            /// <summary>Orders an item</summary>
            /// <param name="name">What to order</param>
            [Post, Cli]
            public static Item Order(string name, Stock stock, CancellationToken cancellationToken, [User] string user, int count = 1, string? note = null) => new(name, count);

            /// <summary>Records an item</summary>
            /// <param name="name">Its name</param>
            [Post]
            public static Item Record(string name, Item item) => item;
        }
        """;

    [Fact]
    public void TheClientTakesWhatACallerSuppliesAndCompiles()
    {
        var run = GeneratorRun.Of([Api], withHug: true, withTie: true);
        Assert.Empty(run.CompileDiagnostics);
        var client = run.Generated("Shop.Orders.HugClient.g.cs");
        Assert.NotNull(client);
        Assert.Contains("namespace Shop;", client);
        Assert.Contains("public sealed partial class OrdersClient(global::Hug.IHugClient client)", client);
        Assert.Contains("OrderAsync(string name, int count = (global::System.Int32)(1), string? note = null, global::System.Threading.CancellationToken cancellationToken = default)", client);
        Assert.Contains("RecordAsync(string name, global::Shop.Item item, global::System.Threading.CancellationToken cancellationToken = default)", client);
    }

    [Fact]
    public void NoClientWhereTheUserHasATypeOfThatName()
    {
        var run = GeneratorRun.Of([Api, "namespace Shop; public sealed class OrdersClient;"], withHug: true, withTie: true);
        Assert.Empty(run.CompileDiagnostics);
        Assert.Null(run.Generated("Shop.Orders.HugClient.g.cs"));
    }

    [Fact]
    public async Task CS1573IsQuietForWhatHugFillsOnly()
    {
        var run = GeneratorRun.Of([Api], withHug: true, withTie: true);
        var diagnostics = await run.Output.WithAnalyzers([new InjectedParameterDocsSuppressor()], new CompilationWithAnalyzersOptions(
                new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true))
            .GetAllDiagnosticsAsync();
        var missing = diagnostics.Where(d => d.Id == "CS1573").ToList();
        string Parameter(Diagnostic d) => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan);
        Assert.Equal(["cancellationToken", "stock", "user"], missing.Where(d => d.IsSuppressed).Select(Parameter).Order());
        // A caller's input stays asked for: an undocumented count, note or body is a real gap.
        Assert.Equal(["count", "item", "note"], missing.Where(d => !d.IsSuppressed).Select(Parameter).Order());
    }
}

/// <summary>HUG007: under PublishAot, a record of the program's with no JSON metadata is a build warning with the fix.</summary>
public sealed class JsonMetadataCheckTests
{
    private const string Api = """
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        using Hug;

        public sealed record Note(int Id, string Text, Tag Tag);
        public sealed record Tag(string Name);
        public sealed record Draft(string Text);

        public static class Notes
        {
            [Get, Cli] public static Note Find(int id) => new(id, "x", new("t"));
            [Get, Cli] public static IReadOnlyList<Note> List() => [];
            [Post] public static string Save(Draft draft) => draft.Text;
            [Get] public static Tag FirstTag() => new("t");
        }
        """;

    private const string Context = """
        [System.Text.Json.Serialization.JsonSerializable(typeof(Note))]
        internal sealed partial class NotesJson : System.Text.Json.Serialization.JsonSerializerContext;
        """;

    private static IEnumerable<string> Reported(params string[] sources) =>
        GeneratorRun.Of(sources, withHug: true, publishAot: true).Diagnostics.Where(d => d.Id == "HUG007").Select(d => d.GetMessage());

    [Fact]
    public void TypesWithoutMetadataAreNamedWithTheFix()
    {
        var messages = Reported(Api, Context).ToList();
        Assert.Equal(2, messages.Count);
        Assert.Contains(messages, m => m.StartsWith("Notes.List: IReadOnlyList<Note> has no System.Text.Json metadata", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Notes.Save: Draft has no System.Text.Json metadata", StringComparison.Ordinal)
            && m.Contains("[JsonSerializable(typeof(Draft))]", StringComparison.Ordinal));
        // Note is a root; Tag is reached through Note's property, as System.Text.Json's generator reaches it.
    }

    [Fact]
    public void NothingIsCheckedWithoutPublishAot() =>
        Assert.DoesNotContain(GeneratorRun.Of([Api], withHug: true).Diagnostics, d => d.Id == "HUG007");
}
