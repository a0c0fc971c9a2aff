using System.Net;
using System.Runtime.CompilerServices;
using Hug.Tests.Support;

namespace Hug.Tests.Formats;

/// <summary>Output formats, Accept negotiation with q-values, URL suffixes and streamed results, over real HTTP.</summary>
public sealed class OutputFormatTests : IAsyncLifetime
{
    private HugServer server = null!;

    public async Task InitializeAsync() => server = await HugServer.StartAsync(new HugApi().AddType(typeof(FormatApi)));

    public async Task DisposeAsync() => await server.DisposeAsync();

    private async Task<HttpResponseMessage> Get(string url, string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        return await server.Client.SendAsync(request);
    }

    [Theory]
    [InlineData(null, "application/json; charset=utf-8", "3")]
    [InlineData("*/*", "application/json; charset=utf-8", "3")]
    [InlineData("text/plain", "text/plain; charset=utf-8", "3")]
    [InlineData("text/html;q=0.5, text/plain;q=0.9", "text/plain; charset=utf-8", "3")]
    [InlineData("text/html", "text/html; charset=utf-8", "<pre>3</pre>")]
    [InlineData("text/*;q=0.8, application/json;q=0.2", "text/plain; charset=utf-8", "3")]
    [InlineData("application/json;q=0, text/*", "text/plain; charset=utf-8", "3")]
    public async Task AcceptChoosesTheFormat(string? accept, string contentType, string body)
    {
        var response = await Get("/add?a=1&b=2", accept);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.ToString());
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task NothingAcceptableIs406ListingWhatIsOffered()
    {
        var (response, body) = await HugServer.ReadAsync(await Get("/add?a=1&b=2", "application/xml"));
        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var message = JsonAssert.Error(body, "Accept");
        Assert.Contains("application/json, text/plain, text/html", message);
        Assert.Equal(HttpStatusCode.NotAcceptable, (await Get("/only-json", "text/plain")).StatusCode);
    }

    [Theory]
    [InlineData("/add.txt?a=1&b=2", "text/plain", "3")]
    [InlineData("/add.json?a=1&b=2", "application/json", "3")]
    [InlineData("/add.html?a=1&b=2", "text/html", "<pre>3</pre>")]
    public async Task UrlSuffixChoosesTheFormat(string url, string mediaType, string body)
    {
        var response = await Get(url, "application/json");
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SuffixNotOfferedIsNotFound()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Get("/only-json.txt")).StatusCode);
        Assert.Equal("1", await (await Get("/only-json.json")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PrettyJsonTextAndHtmlOfObjects()
    {
        Assert.Equal("{\n  \"name\": \"Ann\",\n  \"age\": 3\n}", await (await Get("/pretty")).Content.ReadAsStringAsync());
        Assert.Equal("{\n  \"name\": \"Ann\",\n  \"age\": 3\n}", await (await Get("/pretty", "text/plain")).Content.ReadAsStringAsync());
        var page = await Get("/page");
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Equal("<h1>Hi & welcome</h1>", await page.Content.ReadAsStringAsync());
        Assert.Equal("<pre>{\n  &quot;name&quot;: &quot;Ann&quot;,\n  &quot;age&quot;: 3\n}</pre>", await (await Get("/pretty", "text/html")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task StreamsAsNdjsonEventsOrAnArray()
    {
        var ndjson = await Get("/count?to=3");
        Assert.Equal("application/x-ndjson", ndjson.Content.Headers.ContentType!.MediaType);
        Assert.Equal("1\n2\n3\n", await ndjson.Content.ReadAsStringAsync());
        var events = await Get("/count?to=2", "text/event-stream");
        Assert.Equal("text/event-stream", events.Content.Headers.ContentType!.MediaType);
        Assert.Equal("data: 1\n\ndata: 2\n\n", await events.Content.ReadAsStringAsync());
        Assert.Equal("[1,2,3]", await (await Get("/count?to=3", "application/json")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task StreamItemsArriveAsTheyAreProduced()
    {
        FormatApi.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var response = await server.Client.GetAsync("/gated", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        // The second item waits for the gate, which opens only after the first line was read: without flushing, this would time out.
        Assert.Equal("\"first\"", await reader.ReadLineAsync(timeout.Token));
        FormatApi.Gate.SetResult();
        Assert.Equal("\"second\"", await reader.ReadLineAsync(timeout.Token));
    }

    [Fact]
    public async Task DocumentationListsTheFormats()
    {
        var (_, docs) = await server.GetJsonAsync("/");
        var outputs = docs.GetProperty("handlers").GetProperty("/add").GetProperty("GET").GetProperty("outputs");
        Assert.Equal("application/json; charset=utf-8", outputs.GetProperty("content_type").GetString());
        Assert.Equal(4, outputs.GetProperty("formats").GetArrayLength());
        Assert.Equal("HTML", docs.GetProperty("handlers").GetProperty("/page").GetProperty("GET").GetProperty("outputs").GetProperty("format").GetString());
    }

    [Fact]
    public void UnknownFormatIsAStartupError()
    {
        var api = new HugApi();
        api.Http.Formats("json", "yaml").Get("/x", () => 1);
        var error = Assert.Throws<HugConfigurationException>(() => HugWebHost.Build(api, urls: "http://127.0.0.1:0"));
        Assert.Contains("'yaml'", error.Message);
    }

    [Fact]
    public async Task CustomFormatsPlugIn()
    {
        var api = new HugApi().AddOutputFormat(new CsvFormat());
        api.Http.Formats("json", "csv").Get("/rows", () => new[] { new[] { 1, 2 }, new[] { 3, 4 } });
        await using var custom = await HugServer.StartAsync(api);
        var request = new HttpRequestMessage(HttpMethod.Get, "/rows.csv");
        var response = await custom.Client.SendAsync(request);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("1,2\n3,4\n", await response.Content.ReadAsStringAsync());
    }

    private sealed class CsvFormat() : OutputFormat("csv", "text/csv", "csv", "Comma-separated values")
    {
        public override ReadOnlyMemory<byte> Render(object? value, Type type, System.Text.Json.JsonSerializerOptions json) =>
            System.Text.Encoding.UTF8.GetBytes(string.Concat(((int[][])value!).Select(row => string.Join(',', row) + "\n")));
    }

    public static class FormatApi
    {
        public static TaskCompletionSource Gate = new();

        [Get("/add", Formats = ["json", "text", "html", "pretty-json"])]
        public static int Add(int a, int b) => a + b;

        [Get("/only-json")]
        public static int OnlyJson() => 1;

        [Get("/pretty", Formats = ["pretty-json", "text", "html"])]
        public static Person Pretty() => new("Ann", 3);

        [Get("/page", Formats = ["html"])]
        public static string Page() => "<h1>Hi & welcome</h1>";

        [Get("/count")]
        public static async IAsyncEnumerable<int> Count(int to)
        {
            for (var i = 1; i <= to; i++)
            {
                await Task.Yield();
                yield return i;
            }
        }

        [Get("/gated")]
        public static async IAsyncEnumerable<string> Gated([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            yield return "first";
            await Gate.Task.WaitAsync(TimeSpan.FromSeconds(20), cancellationToken);
            yield return "second";
        }
    }

    public sealed record Person(string Name, int Age);
}
