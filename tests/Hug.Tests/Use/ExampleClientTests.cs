extern alias AdditionExample;
extern alias FormatsExample;
using System.Text.Json;
using Hug.Tests.Support;
using Addition = AdditionExample::Addition;
using Library = FormatsExample::Library;

namespace Hug.Tests.Use;

/// <summary>
/// The examples called through each client (in process, over HTTP to a real Kestrel, as WebSocket calls), by the
/// method itself and by name: the same results and the same errors, credentials given once on the client.
/// </summary>
public sealed class ExampleClientTests : IAsyncLifetime
{
    public static readonly TheoryData<string> Clients = new() { "Local", "HTTP", "WebSocket" };

    private readonly Dictionary<string, (HugApi Api, HugServer Server)> examples = [];

    public async Task InitializeAsync()
    {
        foreach (var (name, type, configure) in new (string, Type, Action<HugApi>)[]
        {
            ("Addition", typeof(Addition), _ => { }),
            ("Auth", typeof(Accounts), Accounts.Configure),
            ("Formats", typeof(Library), Library.Configure),
        })
        {
            var api = HugApi.FromAssembly(type.Assembly);
            configure(api);
            api.Options.AllMethodsOverWebSocket = true; // the examples mark no [SocketCall]: every method over /calls
            examples[name] = (api, await HugServer.StartAsync(api));
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var (_, server) in examples.Values) await server.DisposeAsync();
    }

    /// <summary>The one line that switches the interface.</summary>
    private IHugClient Client(string kind, string example)
    {
        var (api, server) = examples[example];
        return server.ClientOf(kind, api);
    }

    [Theory]
    [MemberData(nameof(Clients))]
    public async Task AdditionAnswersTheSameOnEveryClient(string kind)
    {
        await using var client = Client(kind, "Addition");
        Assert.Equal(3, await client.CallAsync(Addition.Add, 1, 2));

        var invalid = await client.RequestAsync("add", new Dictionary<string, object?> { ["number_1"] = 1, ["number_2"] = "x" });
        Assert.Equal(400, invalid.Status);
        Assert.Equal(["Invalid whole number provided"], invalid.Errors["number_2"]);
        var missing = await client.RequestAsync("add", new Dictionary<string, object?> { ["number_1"] = "1" });
        Assert.Equal(["Required parameter 'number_2' not supplied"], missing.Errors["number_2"]);
        var sum = await client.RequestAsync("add", new Dictionary<string, object?> { ["number_1"] = "40", ["number_2"] = 2 });
        Assert.Equal((200, 42), (sum.Status, sum.Data.GetInt32()));

        // A typed call the server refuses throws the same exception on every client.
        var error = await Assert.ThrowsAsync<HugValidationException>(() => client.CallMethodAsync<int>(Addition.Add, ["x", null]));
        Assert.Equal(400, error.Status);
    }

    [Theory]
    [MemberData(nameof(Clients))]
    public async Task AuthTakesCredentialsOnceOnTheClient(string kind)
    {
        await using var anonymous = Client(kind, "Auth");
        Assert.Equal("pong", await anonymous.CallAsync(Accounts.Ping));
        var refused = await Assert.ThrowsAsync<HugRequirementException>(() => anonymous.CallAsync(Accounts.Hello, ""));
        Assert.Equal((401, "Authentication Required"), (refused.Status, refused.Refusal.Title));
        Assert.Equal(["Please provide valid Basic HTTP Authentication credentials"], refused.Errors["Authentication Required"]);

        var wrong = await Assert.ThrowsAsync<HugRequirementException>(() => anonymous.WithCredentials(HugCredentials.Basic("ann", "nope")).CallAsync(Accounts.Hello, ""));
        Assert.Equal(401, wrong.Status);
        Assert.Equal("Hello, ann", await anonymous.WithCredentials(HugCredentials.Basic("ann", "s3cret")).CallAsync(Accounts.Hello, ""));
        Assert.Equal("the secret, for key holder", await anonymous.WithCredentials(HugCredentials.ApiKey("k-123")).CallAsync(Accounts.Secret, ""));
        var me = await anonymous.WithCredentials(HugCredentials.Bearer("t-456")).CallAsync(Accounts.Me, "", (HugTimer)null!);
        Assert.Equal("token holder", me.Name);

        // Untyped, the refusal is a response like any other.
        var response = await anonymous.RequestAsync("secret");
        Assert.Equal(401, response.Status);
        Assert.Equal(["Please provide valid API Key Header Authentication credentials"], response.Errors.Values.Single());
    }

    [Theory]
    [MemberData(nameof(Clients))]
    public async Task FormatsStreamsItemByItem(string kind)
    {
        await using var client = Client(kind, "Formats");
        Assert.Equal(new Library.Book("Dune", "Frank Herbert", 1965), await client.CallAsync(Library.Find, "Dune"));

        var books = new List<Library.Book>();
        await foreach (var book in client.StreamAsync(Library.Arrivals, 3, CancellationToken.None)) books.Add(book);
        Assert.Equal([new("Volume 1", "Anonymous", 2001), new("Volume 2", "Anonymous", 2002), new("Volume 3", "Anonymous", 2003)], books);

        var titles = new List<string>();
        await foreach (var item in client.StreamAsync("arrivals", new Dictionary<string, object?> { ["count"] = 2 })) titles.Add(item.GetProperty("title").GetString()!);
        Assert.Equal(["Volume 1", "Volume 2"], titles);

        var all = await client.RequestAsync("arrivals", new Dictionary<string, object?> { ["count"] = 2 });
        Assert.Equal(JsonValueKind.Array, all.Data.ValueKind);
        Assert.Equal(2, all.Data.GetArrayLength());

        var invalid = await Assert.ThrowsAsync<HugValidationException>(async () =>
        {
            await foreach (var _ in client.StreamAsync("arrivals", new Dictionary<string, object?> { ["count"] = "many" })) { }
        });
        Assert.Equal(["Invalid whole number provided"], invalid.Errors["count"]);
    }

    [Fact]
    public async Task AnHttpClientWithoutTheApiCallsTypedButNotByName()
    {
        // A typed call describes itself from the method's assembly; a name needs the API's routes.
        await using var client = HugClient.Http(examples["Addition"].Server.Client.BaseAddress!);
        Assert.Equal(3, await client.CallAsync(Addition.Add, 1, 2));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.RequestAsync("add", new Dictionary<string, object?> { ["number_1"] = 1 }));
        Assert.Contains("HugClient.Http(address, api)", error.Message);
    }

    [Fact]
    public async Task StreamsArriveBeforeTheyEnd()
    {
        // Each item is read as the server writes it, on every client: the first arrives long before the tenth is made.
        foreach (var kind in new[] { "Local", "HTTP", "WebSocket" })
        {
            await using var client = Client(kind, "Formats");
            await using var items = client.StreamAsync(Library.Arrivals, 1000, CancellationToken.None).GetAsyncEnumerator();
            Assert.True(await items.MoveNextAsync());
            Assert.Equal("Volume 1", items.Current.Title);
        }
    }
}
