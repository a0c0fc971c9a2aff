using System.Runtime.CompilerServices;
using Hug.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Hug.Tests.Use;

/// <summary>An API exercising what a client must place right: route values, a record body, versions, endless streams.</summary>
public static class ClientApi
{
    [Get("/users/{id}")]
    public static string User(int id, string? greeting = null) => $"{greeting ?? "user"} {id}";

    [Post("/people", Status = 201)]
    public static string Create(Person person) => $"{person.Name} ({person.Age})";

    [Put("/people/{id}")]
    public static string Rename(int id, string name, List<int>? tags = null) => $"{id} is {name} [{string.Join(",", tags ?? [])}]";

    [Get("/echo", Versions = [1])]
    public static string EchoOne(string text) => "v1 " + text;

    [Get("/echo", Versions = [2])]
    public static string EchoTwo(string text) => "v2 " + text;

    [Get]
    public static async IAsyncEnumerable<int> Forever([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; ; i++)
        {
            await Task.Delay(5, cancellationToken);
            yield return i;
        }
    }
}

public sealed class ClientTests : IAsyncLifetime
{
    private readonly HugApi api = new HugApi(new HugOptions { AllMethodsOverWebSocket = true, WebSocketMaxCallsInFlight = 1 }).AddType(typeof(ClientApi));
    private HugServer server = null!;

    public async Task InitializeAsync() => server = await HugServer.StartAsync(api);

    public async Task DisposeAsync() => await server.DisposeAsync();

    private IHugClient Client(string kind) => server.ClientOf(kind, api);

    [Theory]
    [InlineData("Local"), InlineData("HTTP"), InlineData("WebSocket")]
    public async Task ArgumentsGoWhereTheServerReadsThem(string kind)
    {
        await using var client = Client(kind);
        Assert.Equal("hi 7", await client.CallAsync(ClientApi.User, 7, "hi"));
        Assert.Equal("Ann (30)", await client.CallAsync(ClientApi.Create, new Person("Ann", 30, null, null)));
        Assert.Equal("5 is Bo [1,2]", await client.CallAsync(ClientApi.Rename, 5, "Bo", new List<int> { 1, 2 }));
        var created = await client.RequestAsync("create", new Dictionary<string, object?> { ["person"] = new Person("Cy", 40, null, null) });
        Assert.Equal((201, "Cy (40)"), (created.Status, created.Data.GetString()));
        var invalid = await Assert.ThrowsAsync<HugValidationException>(() => client.CallAsync(ClientApi.Create, new Person("", 200, null, null)));
        Assert.Equal(["person.age", "person.name"], invalid.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Local"), InlineData("HTTP"), InlineData("WebSocket")]
    public async Task AVersionIsSetOnceOnTheClient(string kind)
    {
        await using var client = Client(kind);
        Assert.Equal("v2 hi", await client.WithVersion(2).CallAsync(ClientApi.EchoTwo, "hi"));
        Assert.Equal("v1 hi", (await client.WithVersion(1).RequestAsync("echo-one", new Dictionary<string, object?> { ["text"] = "hi" })).Data.GetString());
    }

    [Theory]
    [InlineData("Local"), InlineData("HTTP"), InlineData("WebSocket")]
    public async Task WithNoVersionATypedCallReachesTheMethodItNamesAndANameOnlyAVersionLessOne(string kind)
    {
        await using var client = Client(kind);
        Assert.Equal("v2 hi", await client.CallAsync(ClientApi.EchoTwo, "hi")); // the method says which version it is
        // A name is a URL without /vN: served only for versions 1 and 2, it is not found (as hug), never silently the latest.
        var call = () => client.RequestAsync("echo-two", new Dictionary<string, object?> { ["text"] = "hi" });
        Assert.Contains("no endpoint named 'echo-two'", (await Assert.ThrowsAsync<ArgumentException>(call)).Message);
    }

    [Fact]
    public async Task AWebSocketCallTheClientStopsReadingIsCancelledOnTheServer()
    {
        // One call in flight per connection here: had the endless stream not been cancelled, the next call would never run.
        await using var client = Client("WebSocket");
        await foreach (var n in client.StreamAsync(ClientApi.Forever, CancellationToken.None))
            if (n == 2) break;
        var answered = client.CallAsync(ClientApi.User, 1, "next");
        Assert.Equal("next 1", await answered.WaitAsync(TimeSpan.FromSeconds(30)));

        using var giveUp = new CancellationTokenSource();
        var items = client.StreamAsync(ClientApi.Forever, giveUp.Token).GetAsyncEnumerator();
        Assert.True(await items.MoveNextAsync());
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => { while (await items.MoveNextAsync()) { } });
        await items.DisposeAsync();
        Assert.Equal("again 2", await client.CallAsync(ClientApi.User, 2, "again").WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task TheHttpClientComesFromTheFactory()
    {
        var handler = new CountingHandler();
        var services = new ServiceCollection();
        services.AddHugClient(server.Client.BaseAddress!, api).AddHttpMessageHandler(() => handler);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IHugClient>();
        Assert.Equal("user 4", await client.CallAsync(ClientApi.User, 4, (string?)null));
        Assert.Equal(1, handler.Sent); // the factory's pipeline carried it: resilience handlers go there
    }

    [Fact]
    public async Task ResilienceIsTheFactorysHandler()
    {
        // Retries and timeouts are Microsoft.Extensions.Http.Resilience's, added on the builder AddHugClient returns.
        var flaky = new FailingFirstHandler();
        var services = new ServiceCollection();
        var http = services.AddHugClient(server.Client.BaseAddress!, api);
        http.AddStandardResilienceHandler(options =>
        {
            options.Retry.Delay = TimeSpan.FromMilliseconds(10);
            options.Retry.BackoffType = Polly.DelayBackoffType.Constant;
        });
        http.AddHttpMessageHandler(() => flaky); // added after: inside the resilience handler, so its 503 is retried
        await using var provider = services.BuildServiceProvider();
        Assert.Equal("user 5", await provider.GetRequiredService<IHugClient>().CallAsync(ClientApi.User, 5, (string?)null));
        Assert.Equal(2, flaky.Sent); // the first answer (503) was retried by the standard handler
    }

    private sealed class FailingFirstHandler : DelegatingHandler
    {
        public int Sent;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref Sent) == 1
                ? Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable))
                : base.SendAsync(request, cancellationToken);
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        public int Sent;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Sent);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
