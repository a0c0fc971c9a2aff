using Hug.Tests.Support;

namespace Hug.Tests.Conformance;

/// <summary>
/// One API, served once, reached through each of its four interfaces; twice: described by the source
/// generator (typed call sites) and by reflection (what fluent registrations and undescribable types use).
/// </summary>
public sealed class ConformanceFixture : IAsyncLifetime
{
    private readonly HugApi generated = ConformanceApi.Create(reflected: false);
    private readonly HugApi reflected = ConformanceApi.Create(reflected: true);
    private HugServer generatedServer = null!, reflectedServer = null!;

    public async Task InitializeAsync()
    {
        generated.Options.AllMethodsOverWebSocket = false;
        reflected.Options.AllMethodsOverWebSocket = false;
        generatedServer = await HugServer.StartAsync(generated);
        reflectedServer = await HugServer.StartAsync(reflected);
    }

    public async Task DisposeAsync()
    {
        await generatedServer.DisposeAsync();
        await reflectedServer.DisposeAsync();
    }

    /// <summary>Whether each endpoint of the mode's API has a generated typed call site.</summary>
    public IEnumerable<bool> TypedCallSites(string mode) => (mode == "reflection" ? reflected : generated).Endpoints.Select(e => e.Facts.Call is not null);

    public CallInterface Interface(string name, string mode)
    {
        var (api, server) = mode == "reflection" ? (reflected, reflectedServer) : (generated, generatedServer);
        return name switch
        {
            "HTTP" => new HttpInterface(server),
            "CLI" => new CliInterface(api),
            "WebSocket" => new WebSocketInterface(server),
            "HTTP client" => new ClientInterface(name, () => HugClient.Http(server.Client, api)),
            "WebSocket client" => new ClientInterface(name, () => HugClient.WebSocket(server.SocketAddress("/calls"), api)),
            "Local client" => new ClientInterface(name, () => HugClient.Local(api)),
            _ => new LocalCallInterface(api),
        };
    }
}

/// <summary>
/// The conformance suite: one table of calls, each made over HTTP, the command line, WebSocket calls
/// and Local, expecting the same result or the same error. Where an interface answers differently by
/// design, the case says so (the command line has no status: refusals, handled and unhandled
/// exceptions are all exit 1).
/// </summary>
public sealed class ConformanceTests(ConformanceFixture fixture) : IClassFixture<ConformanceFixture>
{
    public static readonly string[] Interfaces = ["HTTP", "CLI", "WebSocket", "Local", "HTTP client", "WebSocket client", "Local client"];

    /// <summary>Each case: name, endpoint, arguments, and the expected outcome (optionally per interface).</summary>
    private static readonly Dictionary<string, (string Endpoint, Dictionary<string, string> Args, Func<string, Observed> Expected)> Cases = new()
    {
        ["result"] = ("add", new() { ["number_1"] = "1", ["number_2"] = "2" }, _ => Ok("3")),
        ["invalid value"] = ("add", new() { ["number_1"] = "x", ["number_2"] = "2" },
            _ => Invalid(("number_1", "Invalid whole number provided"))),
        ["missing value"] = ("add", new() { ["number_1"] = "1" }, _ => Invalid(("number_2", "Required parameter 'number_2' not supplied"))),
        ["every error at once"] = ("add", new(), _ => Invalid(("number_1", "Required parameter 'number_1' not supplied"), ("number_2", "Required parameter 'number_2' not supplied"))),
        ["validation attribute"] = ("pick", new() { ["n"] = "11" }, _ => Invalid(("n", "'11' exceeds the upper limit 10"))),
        ["optional value"] = ("pick", new() { ["n"] = "3", ["offset"] = "2" }, _ => Ok("5")),
        ["requirement refused"] = ("secret", new(), i => i == "CLI"
            ? new Observed("failure", Errors: Errors(("Forbidden", "Say the word")))
            : new Observed("refused", 403, Errors: Errors(("Forbidden", "Say the word")))),
        ["exception mapped by OnException"] = ("taken", new() { ["name"] = "bob" }, i => i == "CLI"
            ? new Observed("failure", Value: """{"taken":"bob"}""")
            : new Observed("handled", 409, """{"taken":"bob"}""")),
        ["unhandled exception"] = ("broken", new(), i => i == "CLI"
            ? new Observed("failure", Errors: Errors(("ConformanceApi.Broken failed", "boom")))
            : new Observed("failed", 500)),
        ["transform on every interface"] = ("twice", new() { ["n"] = "4" }, _ => Ok("8")),
        ["transform scoped to some interfaces"] = ("doubled-off-http", new() { ["n"] = "4" }, i => Ok(i is "CLI" or "Local" ? "8" : "4")),
        ["stream"] = ("count", new() { ["to"] = "3" }, _ => Ok("[1,2,3]")),
        ["the interface directive names the interface"] = ("via", new(), i => Ok($"\"{(i == "HTTP" ? "Http" : i == "CLI" ? "Cli" : i)}\"")),
        ["a sibling call through CurrentApi"] = ("pick-through-sibling", new() { ["n"] = "3" }, _ => Ok("3")),
        ["a user type's own parse message"] = ("half", new() { ["n"] = "3" }, _ => Invalid(("n", "'3' is not an even number"))),
        ["a user type's value"] = ("half", new() { ["n"] = "8" }, _ => Ok("4")),
        ["invalid input before a service that cannot be created"] = ("stocked", new() { ["count"] = "0" }, _ => Invalid(("count", "'0' is less than the lower limit 1"))),
        ["a service that cannot be created"] = ("stocked", new() { ["count"] = "3" }, i => i == "CLI"
            ? new Observed("failure", Errors: Errors(("ConformanceApi.Stocked failed", "Parameter 'warehouse': its service Warehouse could not be created: " + UnresolvedClock)))
            : new Observed("failed", 500)),
    };

    /// <summary>Microsoft.Extensions.DependencyInjection's own message for the missing dependency.</summary>
    private const string UnresolvedClock = "Unable to resolve service for type 'Hug.Tests.Conformance.Warehouse+IClock' while attempting to activate 'Hug.Tests.Conformance.Warehouse'.";

    /// <summary>How the endpoints were described: by the source generator, or by reflection.</summary>
    public static readonly string[] Modes = ["generated", "reflection"];

    public static TheoryData<string, string, string> Calls()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var name in Cases.Keys)
            foreach (var @interface in Interfaces)
                foreach (var mode in Modes) data.Add(name, @interface, mode);
        return data;
    }

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task EveryInterfaceAnswersTheSame(string @case, string @interface, string mode)
    {
        var (endpoint, args, expected) = Cases[@case];
        var observed = await fixture.Interface(@interface, mode).CallAsync(endpoint, args);
        var wanted = expected(@interface.Replace(" client", "", StringComparison.Ordinal)); // a client answers as the interface it calls through
        // Statuses are compared where the interface has them (HTTP's is always known; the others report it on failures).
        if (observed.Kind == "ok" || @interface == "CLI") wanted = wanted with { Status = observed.Status };
        Assert.Equal(wanted.Kind, observed.Kind);
        Assert.Equal(wanted.Status, observed.Status);
        Assert.Equal(wanted.Value, observed.Value);
        Assert.Equal(Sorted(wanted.Errors), Sorted(observed.Errors));
    }

    /// <summary>A directive's setting (<c>[TimerPrecision(2)]</c>) shows on every interface: the value varies, its digits do not.</summary>
    [Theory]
    [MemberData(nameof(EveryInterface))]
    public async Task TheTimerKeepsItsPrecisionOnEveryInterface(string @interface, string mode)
    {
        var observed = await fixture.Interface(@interface, mode).CallAsync("elapsed", new Dictionary<string, string>());
        Assert.Equal("ok", observed.Kind);
        Assert.Matches(@"^\d+(\.\d{1,2})?$", observed.Value);
    }

    public static TheoryData<string, string> EveryInterface()
    {
        var data = new TheoryData<string, string>();
        foreach (var @interface in Interfaces)
            foreach (var mode in Modes) data.Add(@interface, mode);
        return data;
    }

    [Fact]
    public void TheModesAreWhatTheySay()
    {
        Assert.All(fixture.TypedCallSites("generated"), Assert.True);
        Assert.All(fixture.TypedCallSites("reflection"), Assert.False);
    }

    private static Observed Ok(string json) => new("ok", Value: json);

    private static Observed Invalid(params (string Key, string Message)[] errors) => new("invalid", 400, Errors: Errors(errors));

    private static Dictionary<string, string> Errors(params (string Key, string Message)[] errors) => errors.ToDictionary(e => e.Key, e => e.Message);

    private static string? Sorted(IReadOnlyDictionary<string, string>? errors) =>
        errors is null ? null : string.Join("; ", errors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}: {e.Value}"));
}
