using System.Reflection;
using System.Text.Json;
using Hug.Generation;
using Hug.Introspection;
using Hug.Tests.Cli;

namespace Hug.Tests.Generation;

/// <summary>
/// The source generator ran on this test assembly (every test's <c>AddType</c> goes through its
/// output); here its descriptions are checked against what reflection reads from the same types.
/// </summary>
public sealed class GeneratedEndpointsTests
{
    private static readonly Assembly Tests = typeof(GeneratedEndpointsTests).Assembly;

    [Fact]
    public void TheGeneratorListsTheTypesThatDeclareEndpoints()
    {
        var types = GeneratedEndpoints.TypesOf(Tests);
        Assert.NotNull(types);
        Assert.Contains(typeof(Tools), types);
        Assert.Contains(typeof(Users), types);
        Assert.DoesNotContain(typeof(GeneratedEndpointsTests), types);
        Assert.NotNull(GeneratedEndpoints.Describe(typeof(Tools)));
        Assert.Same(GeneratedEndpoints.Describe(typeof(Tools)), GeneratedEndpoints.Describe(typeof(Tools)));
    }

    [Fact]
    public void ATypeGeneratedCodeCannotDescribeIsLeftToReflection()
    {
        // A ref parameter is refused at start-up; the generator leaves the type (and the message) to reflection.
        Assert.Null(GeneratedEndpoints.Describe(typeof(Routing.RegistryTests.RefParameter)));
        Assert.Contains(typeof(Routing.RegistryTests.RefParameter), GeneratedEndpoints.TypesOf(Tests)!);
    }

    [Fact]
    public async Task TheGeneratedCallSiteIsTypedAndCallsTheMethod()
    {
        var add = GeneratedEndpoints.Describe(typeof(Tools))!.Methods.Single(m => m.Name == nameof(Tools.Add));
        Assert.NotNull(add.Call);
        Assert.Equal(typeof(Tools).GetMethod(nameof(Tools.Add)), add.Method());

        var api = new HugApi().AddType(typeof(Tools));
        var endpoint = api.Endpoints.Single(e => e.Facts.Name == nameof(Tools.Add));
        // Typed end to end: the binders' int values go straight into the method, its int result into a ValueTask<int>.
        Assert.IsType<Func<CallArguments, ValueTask<int>>>(Hug.Invocation.GeneratedCall.For(endpoint, Hug.Binding.ParameterBinder.For(endpoint, api)));
        Assert.Equal(5, await api.Local.CallAsync<int>("add", new { number_1 = 2, number_2 = 3 }));
        var invalid = await Assert.ThrowsAsync<HugValidationException>(() => api.Local.CallAsync<int>("add", new { number_1 = "x", number_2 = 3 }));
        Assert.Equal(["number_1"], invalid.Errors.Keys);
    }

    [Fact]
    public async Task GeneratedCallSitesCoverEveryReturnKindAndInstanceMethods()
    {
        var api = new HugApi().AddType(typeof(CallShapes));
        foreach (var endpoint in api.Endpoints) Assert.NotNull(endpoint.Facts.Call);
        Assert.Equal(3, await api.Local.CallAsync<int>("value", new { n = 3 }));
        Assert.Equal(4, await api.Local.CallAsync<int>("task-of", new { n = 3 }));
        Assert.Equal(5, await api.Local.CallAsync<int>("value-task-of", new { n = 3 }));
        Assert.Null(await api.Local.CallAsync<object?>("nothing", new { n = 3 }));
        Assert.Null(await api.Local.CallAsync<object?>("task", new { n = 3 }));
        Assert.Null(await api.Local.CallAsync<object?>("value-task", new { n = 3 }));
        Assert.Equal("instance 3", await api.Local.CallAsync<string>("instance", new { n = 3 }));
        Assert.Equal(9, CallShapes.Seen);
    }

    public sealed class CallShapes
    {
        public static int Seen;

        [Cli] public static int Value(int n) => n;
        [Cli] public static Task<int> TaskOf(int n) => System.Threading.Tasks.Task.FromResult(n + 1);
        [Cli] public static async ValueTask<int> ValueTaskOf(int n) { await System.Threading.Tasks.Task.Yield(); return n + 2; }
        [Cli] public static void Nothing(int n) => Seen += n;
        [Cli] public static async System.Threading.Tasks.Task Task(int n) { await System.Threading.Tasks.Task.Yield(); Seen += n; }
        [Cli] public static System.Threading.Tasks.ValueTask ValueTask(int n) { Seen += n; return default; }
        [Cli] public string Instance(int n) => "instance " + n;
    }

    [Fact]
    public void AGeneratedApiClosesNoGenericTypeByReflection()
    {
        // Every generic piece of a described method (binders, converters, pipelines, responders, stream writers) is
        // made from the shapes the generator wrote: nothing for Native AOT to lack, nothing for ReadyToRun to leave to the JIT.
        var endpoints = 0;
        foreach (var type in GeneratedEndpoints.TypesOf(Tests)!)
        {
            if (GeneratedEndpoints.Describe(type) is not { } described || described.Methods.Any(m => m.Call is null)) continue;
            Hug.Invocation.Generic.Made = 0;
            HugApi api;
            try
            {
                api = new HugApi().AddType(type);
            }
            catch (HugConfigurationException)
            {
                continue; // a type whose set-up is refused (tested elsewhere)
            }
            foreach (var endpoint in api.Endpoints)
            {
                try
                {
                    var invoker = Hug.Invocation.GeneratedCall.For(endpoint, Hug.Binding.ParameterBinder.For(endpoint, api))!;
                    Hug.Pipeline.CallPipeline.Create(api, endpoint, invoker, [], []);
                    Hug.Pipeline.CallPipeline.Direct(api, endpoint, [], []);
                    foreach (var route in endpoint.Http)
                        Hug.Http.HttpEndpoint.Create(endpoint, route, new Hug.Http.HttpEndpointPlan(api.FormatsFor(endpoint, route), invoker, api,
                            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, Development: false));
                    foreach (var command in endpoint.Cli) Hug.Cli.CliEndpoint.Create(endpoint, command, api, host: null);
                    endpoints++;
                }
                catch (HugConfigurationException)
                {
                    // a parameter only a registered service fills, a requirement the test registers: set-up tested elsewhere
                }
            }
            Assert.True(Hug.Invocation.Generic.Made == 0, $"{type.Name}: {Hug.Invocation.Generic.Made} generic types closed by reflection");
        }
        Assert.True(endpoints > 50, $"only {endpoints} endpoints checked");
    }

    [Fact]
    public async Task ShapedTypesBindAsThroughReflection()
    {
        var generated = new HugApi().AddType(typeof(Shaped));
        var reflected = new HugApi().AddTypeByReflection(typeof(Shaped));
        foreach (var endpoint in generated.Endpoints) Assert.NotNull(endpoint.Parameters.FirstOrDefault(p => p.GeneratedShape is not null) ?? endpoint.Facts.ResultShape as object);
        var input = new
        {
            color = "darkRed", maybe = "green", id = "6f9619ff-8b86-d011-b42d-00cf4fc964ff", when = "2026-12-01", letter = "x",
            colors = new[] { "green", "darkRed" }, sizes = new[] { "1", "2" }, ids = new[] { 3L },
        };
        foreach (var api in new[] { generated, reflected })
        {
            Assert.Equal("DarkRed Green 6f9619ff-8b86-d011-b42d-00cf4fc964ff 2026-12-01 x Green,DarkRed 1,2 3 0",
                await api.Local.CallAsync<string>("describe", input));
            Assert.Equal(["colors[1]"], (await Assert.ThrowsAsync<HugValidationException>(() =>
                api.Local.CallAsync<string>("describe", input with { colors = new[] { "green", "mauve" } }))).Errors.Keys);
            Assert.Equal(Shaped.Color.Green, await api.Local.CallAsync<Shaped.Color>("favourite"));
            var items = new List<string>();
            await foreach (var item in await api.Local.CallAsync<IAsyncEnumerable<Shaped.Point>>("points", new { n = 2 })) items.Add(item.ToString());
            Assert.Equal(["Point { X = 0, Y = 0 }", "Point { X = 1, Y = 2 }"], items);
        }
    }

    /// <summary>Parameter and result types the generator writes shapes for.</summary>
    public static class Shaped
    {
        public enum Color { Green, DarkRed }

        public sealed record Point(int X, int Y);

        [Cli]
        public static string Describe(Color color, Color? maybe, Guid id, DateOnly? when, char letter, List<Color> colors, short[] sizes,
            IReadOnlyList<long> ids, CancellationToken cancellation = default, int? missing = null) =>
            $"{color} {maybe} {id} {when:yyyy-MM-dd} {letter} {string.Join(',', colors)} {string.Join(',', sizes)} {string.Join(',', ids)} {missing ?? 0}";

        [Cli]
        public static Task<Color> Favourite() => Task.FromResult(Color.Green);

        [Cli]
        public static async IAsyncEnumerable<Point> Points(int n)
        {
            for (var i = 0; i < n; i++)
            {
                await Task.Yield();
                yield return new Point(i, i * 2);
            }
        }
    }

    [Fact]
    public void GeneratedDescriptorsEqualReflectedOnes()
    {
        var compared = 0;
        foreach (var type in GeneratedEndpoints.TypesOf(Tests)!)
        {
            if (GeneratedEndpoints.Describe(type) is null) continue;
            string generated, reflected;
            try
            {
                generated = Describe(new HugApi().AddType(type));
                reflected = Describe(new HugApi().AddTypeByReflection(type));
            }
            catch (HugConfigurationException generatedError)
            {
                var reflectedError = Assert.Throws<HugConfigurationException>(() => new HugApi().AddTypeByReflection(type));
                Assert.Equal(reflectedError.Message, generatedError.Message);
                continue;
            }
            Assert.Equal(reflected, generated);
            compared++;
        }
        Assert.True(compared > 20, $"only {compared} types compared");
    }

    /// <summary>Everything an interface reads from a descriptor, as text.</summary>
    private static string Describe(HugApi api) => JsonSerializer.Serialize(api.Endpoints.Select(e => new
    {
        e.Name,
        e.DisplayName,
        Method = e.Method.ToString(),
        e.Summary,
        e.ReturnsDoc,
        e.TypeSummary,
        Result = e.ResultType.FullName,
        Kind = e.ReturnKind.ToString(),
        StreamItem = e.ResultShape.StreamItem?.GetType().GenericTypeArguments[0].FullName,
        e.SocketCall,
        e.NeedsInstance,
        Requires = e.Requires.Select(r => $"{r.Name}:{r.Interfaces}"),
        Transforms = e.Transforms.Select(t => $"{t.Transform.GetType().FullName}:{t.Interfaces}"),
        Http = e.Http.Select(h => JsonSerializer.Serialize(h, Options)),
        Cli = e.Cli.Select(c => $"{c.Name}:{string.Join('/', c.Groups)}"),
        Parameters = e.Parameters.Select(p => new
        {
            p.Name,
            Type = p.Type.FullName,
            p.Position,
            p.HasDefault,
            Default = p.DefaultValue is null ? null : $"{p.DefaultValue.GetType().FullName}:{p.DefaultValue}",
            p.IsRequired,
            p.Doc,
            Source = p.Source.ToString(),
            Context = p.Context.ToString(),
            p.DirectiveName,
            Converter = p.Converter?.GetType().FullName,
            ConverterText = p.Converter is { } c ? c.Description + " / " + c.Error : null,
            Validators = (p.Validators ?? []).Select(v => v.GetType().FullName + ":" + v.FormatErrorMessage(p.Name)),
        }),
    }).Append<object>(new { WebSockets = api.WebSocketEndpoints.Select(w => $"{w.Endpoint.FullName}:{w.Route.Path}:{string.Join(',', w.Route.AllowedOrigins ?? [])}") }));

    private static readonly JsonSerializerOptions Options = new() { IncludeFields = false };
}
