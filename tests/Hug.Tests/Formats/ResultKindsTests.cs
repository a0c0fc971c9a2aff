using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Hug.Tests.Support;

namespace Hug.Tests.Formats;

/// <summary>Files, byte arrays and streams with Range; redirects; response headers; exception handlers; naming policy.</summary>
public sealed class ResultKindsTests : IAsyncLifetime
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "hug-tests-" + Guid.NewGuid().ToString("N"));
    private HugServer server = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        await File.WriteAllTextAsync(Path.Combine(Folder, "notes.txt"), "0123456789");
        var api = new HugApi().AddType(typeof(Results))
            .OnException<Exception>((exception, _) => new ErrorResponse(500, new { generic = exception.Message }))
            .OnException<ArgumentException>((exception, _) => new ErrorResponse(422, new { argument = exception.Message }))
            .OnException<KeyNotFoundException>((_, _) => null);
        server = await HugServer.StartAsync(api);
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }

    [Fact]
    public async Task FileResultsAreDocumentedAsFilesNotJson()
    {
        var (_, docs) = await server.GetJsonAsync("/");
        foreach (var (url, contentType) in new[] { ("/file", "by file extension"), ("/pixel", "image/png"), ("/stream", "application/octet-stream") })
        {
            var outputs = docs.GetProperty("handlers").GetProperty(url).GetProperty("GET").GetProperty("outputs");
            Assert.Equal("File", outputs.GetProperty("format").GetString());
            Assert.Equal(contentType, outputs.GetProperty("content_type").GetString());
            Assert.False(outputs.TryGetProperty("type", out _), $"{url}: {outputs}");
        }
    }

    [Fact]
    public async Task FilesTakeTheirTypeFromTheExtensionAndHonourRange()
    {
        var whole = await server.Client.GetAsync("/file?name=notes.txt");
        Assert.Equal("text/plain", whole.Content.Headers.ContentType!.MediaType);
        Assert.Equal("0123456789", await whole.Content.ReadAsStringAsync());
        var request = new HttpRequestMessage(HttpMethod.Get, "/file?name=notes.txt");
        request.Headers.Range = new RangeHeaderValue(2, 4);
        var partial = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal("bytes 2-4/10", partial.Content.Headers.ContentRange!.ToString());
        Assert.Equal("234", await partial.Content.ReadAsStringAsync());
        var (missing, body) = await HugServer.ReadAsync(await server.Client.GetAsync("/file?name=absent.txt"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("File not found: absent.txt", JsonAssert.Error(body, "file"));
    }

    [Theory]
    [InlineData("application/octet-stream")]
    [InlineData("text/plain")]
    [InlineData("application/octet-stream, application/problem+json")]
    public async Task AFileIsNotRefusedByAcceptNegotiation(string accept)
    {
        // Its type is the file's: a client asking for bytes (as generated OpenAPI clients do) gets the file, not a 406.
        var request = new HttpRequestMessage(HttpMethod.Get, "/file?name=notes.txt");
        request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("0123456789", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task BytesAndStreamsUseTheDeclaredContentType()
    {
        var image = await server.Client.GetAsync("/pixel");
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal(new byte[] { 137, 80, 78, 71 }, await image.Content.ReadAsByteArrayAsync());
        var request = new HttpRequestMessage(HttpMethod.Get, "/stream");
        request.Headers.Range = new RangeHeaderValue(1, 2);
        var partial = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal("application/octet-stream", partial.Content.Headers.ContentType!.MediaType);
        Assert.Equal(new byte[] { 2, 3 }, await partial.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("permanent", HttpStatusCode.MovedPermanently)]
    [InlineData("found", HttpStatusCode.Found)]
    [InlineData("see-other", HttpStatusCode.SeeOther)]
    [InlineData("temporary", HttpStatusCode.TemporaryRedirect)]
    [InlineData("permanent-same-method", HttpStatusCode.PermanentRedirect)]
    public async Task RedirectsAreReturnValues(string kind, HttpStatusCode status)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.Client.BaseAddress };
        var response = await client.GetAsync($"/go?kind={kind}");
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("/target", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task HeadersAndCacheControl()
    {
        var response = await server.Client.GetAsync("/cached");
        Assert.Equal("public, max-age=60", response.Headers.CacheControl!.ToString());
        Assert.Equal("yes", response.Headers.GetValues("X-Hug").Single());
    }

    [Fact]
    public async Task TheMostSpecificExceptionHandlerWins()
    {
        var (argument, body) = await HugServer.ReadAsync(await server.Client.GetAsync("/throw?kind=argument-null"));
        Assert.Equal((HttpStatusCode)422, argument.StatusCode);
        Assert.Equal("Value cannot be null. (Parameter 'x')", body.GetProperty("argument").GetString());
        (var generic, body) = await HugServer.ReadAsync(await server.Client.GetAsync("/throw?kind=invalid"));
        Assert.Equal(HttpStatusCode.InternalServerError, generic.StatusCode);
        Assert.Equal("nope", body.GetProperty("generic").GetString());
        var (declined, problem) = await HugServer.ReadAsync(await server.Client.GetAsync("/throw?kind=key"));
        Assert.Equal(HttpStatusCode.InternalServerError, declined.StatusCode);
        Assert.True(problem.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task ExceptionHandlersOnTheCommandLine()
    {
        var api = new HugApi().AddType(typeof(Results)).OnException<ArgumentException>((e, _) => new ErrorResponse(422, "bad argument: " + e.ParamName));
        var (exit, _, error) = await CliRun.RunAsync(api, "throw", "argument-null");
        Assert.Equal((1, "bad argument: x\n"), (exit, error));
    }

    [Fact]
    public async Task NamingPolicyIsAnOption()
    {
        var options = new HugOptions();
        options.Json.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        await using var snake = await HugServer.StartAsync(api => api.Http.Get("/p", () => new { FirstName = "Ann" }), options);
        Assert.Equal("{\"first_name\":\"Ann\"}", await snake.Client.GetStringAsync("/p"));
        var declared = new HugOptions();
        declared.Json.PropertyNamingPolicy = null;
        await using var asDeclared = await HugServer.StartAsync(api => api.Http.Get("/p", () => new { FirstName = "Ann" }), declared);
        Assert.Equal("{\"FirstName\":\"Ann\"}", await asDeclared.Client.GetStringAsync("/p"));
    }

    public static class Results
    {
        [Get("/file")]
        public static FileInfo File(string name) => new(Path.Combine(Folder, Path.GetFileName(name)));

        [Get("/pixel", ContentType = "image/png")]
        public static byte[] Pixel() => [137, 80, 78, 71];

        [Get("/stream")]
        public static Stream Stream() => new MemoryStream([1, 2, 3, 4]);

        [Get("/go")]
        public static Redirect Go(string kind) => kind switch
        {
            "permanent" => Redirect.Permanent("/target"),
            "found" => Redirect.Found("/target"),
            "see-other" => Redirect.SeeOther("/target"),
            "temporary" => Redirect.Temporary("/target"),
            _ => Redirect.PermanentSameMethod("/target"),
        };

        [Get("/cached", CacheControl = "public, max-age=60", Headers = ["X-Hug: yes"])]
        public static int Cached() => 1;

        [Get("/throw"), Cli]
        public static int Throw(string kind) => kind switch
        {
            "argument-null" => throw new ArgumentNullException("x"),
            "key" => throw new KeyNotFoundException("k"),
            _ => throw new InvalidOperationException("nope"),
        };
    }
}
