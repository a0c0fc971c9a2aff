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
            Validators = (p.Validators ?? []).Select(v => v.GetType().FullName + ":" + v.FormatErrorMessage(p.Name)),
        }),
    }).Append<object>(new { WebSockets = api.WebSocketEndpoints.Select(w => $"{w.Endpoint.FullName}:{w.Route.Path}:{string.Join(',', w.Route.AllowedOrigins ?? [])}") }));

    private static readonly JsonSerializerOptions Options = new() { IncludeFields = false };
}
