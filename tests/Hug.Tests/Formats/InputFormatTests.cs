using System.Net;
using System.Text;
using Hug.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Hug.Tests.Formats;

/// <summary>Request bodies: uploads, raw streams, text, custom formats, size limits and malformed bodies of each format.</summary>
public sealed class InputFormatTests : IAsyncLifetime
{
    private HugServer server = null!;

    public async Task InitializeAsync()
    {
        var api = new HugApi(new HugOptions { MaxRequestBodySize = 4096 }).AddType(typeof(Uploads)).AddInputFormat(new KeyValueFormat());
        server = await HugServer.StartAsync(api);
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    private async Task<(HttpResponseMessage Response, System.Text.Json.JsonElement Body)> Post(string url, HttpContent content) =>
        await HugServer.ReadAsync(await server.Client.PostAsync(url, content));

    private async Task<(HttpResponseMessage Response, System.Text.Json.JsonElement Body)> PostExpectingContinue(string url, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.ExpectContinue = true;
        return await HugServer.ReadAsync(await server.Client.SendAsync(request));
    }

    [Fact]
    public async Task MultipartFilesBindToIFormFileWithOtherFields()
    {
        var content = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes("hello upload")), "document", "hello.txt" },
            { new StringContent("3"), "copies" },
        };
        var (response, body) = await Post("/upload", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hello.txt:12:hello upload x3", body.GetString());
    }

    [Fact]
    public async Task MissingFileIsAMissingParameter()
    {
        var (response, body) = await Post("/upload", new MultipartFormDataContent { { new StringContent("3"), "copies" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Required parameter 'document' not supplied", JsonAssert.Error(body, "document"));
    }

    [Fact]
    public async Task AllFilesAndTheRawBody()
    {
        var content = new MultipartFormDataContent
        {
            { new ByteArrayContent([1, 2]), "a", "a.bin" },
            { new ByteArrayContent([3]), "b", "b.bin" },
        };
        Assert.Equal("a.bin,b.bin", (await Post("/files", content)).Body.GetString());
        var raw = new ByteArrayContent([1, 2, 3, 4, 5]);
        raw.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        Assert.Equal(5, (await Post("/raw", raw)).Body.GetInt32());
    }

    [Fact]
    public async Task TextPlainBindsToBody()
    {
        Assert.Equal("HELLO", (await Post("/shout", new StringContent("hello", Encoding.UTF8, "text/plain"))).Body.GetString());
    }

    [Fact]
    public async Task CustomInputFormat()
    {
        Assert.Equal(7, (await Post("/sum", new StringContent("a=3;b=4", Encoding.UTF8, "application/x-kv"))).Body.GetInt32());
        var (response, body) = await Post("/sum", new StringContent("a3;b=4", Encoding.UTF8, "application/x-kv"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Malformed application/x-kv body: 'a3' is not key=value", JsonAssert.Error(body, "body"));
    }

    [Fact]
    public async Task MalformedBodiesOfEachFormatAre400()
    {
        var (json, jsonBody) = await Post("/sum", new StringContent("{\"a\":", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        Assert.StartsWith("Malformed JSON:", JsonAssert.Error(jsonBody, "body"));
        var broken = new StringContent("--nope\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n", Encoding.UTF8);
        broken.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=nope");
        var (multipart, multipartBody) = await Post("/sum", broken);
        Assert.Equal(HttpStatusCode.BadRequest, multipart.StatusCode);
        Assert.StartsWith("Malformed form body:", JsonAssert.Error(multipartBody, "body"));
    }

    [Fact]
    public async Task UnsupportedTypeIs415AndTooLargeIs413()
    {
        var (unsupported, _) = await Post("/sum", new StringContent("<a/>", Encoding.UTF8, "application/xml"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, unsupported.StatusCode);
        // Expect: 100-continue, as a client uploading a large body should: the 413 then arrives before
        // the body is sent, instead of racing the upload (a reset while still sending).
        var (tooLarge, body) = await PostExpectingContinue("/shout", new StringContent(new string('x', 10_000), Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("Content Too Large", body.GetProperty("title").GetString());
        var (tooLargeForm, _) = await PostExpectingContinue("/upload", new MultipartFormDataContent { { new ByteArrayContent(new byte[10_000]), "document", "big.bin" } });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLargeForm.StatusCode);
        Assert.Equal("\"OK\"", await server.Client.GetStringAsync("/shout-get?body=ok"));
    }

    private sealed class KeyValueFormat() : InputFormat("application/x-kv")
    {
        public override async ValueTask<IReadOnlyDictionary<string, StringValues>> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
        {
            var text = await new StreamReader(request.Body).ReadToEndAsync(cancellationToken);
            var values = new Dictionary<string, StringValues>();
            foreach (var pair in text.Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=');
                if (equals <= 0) throw new FormatException($"'{pair}' is not key=value");
                values[pair[..equals]] = pair[(equals + 1)..];
            }
            return values;
        }
    }

    public static class Uploads
    {
        [Post("/upload")]
        public static async Task<string> Upload(IFormFile document, int copies)
        {
            using var reader = new StreamReader(document.OpenReadStream());
            return $"{document.FileName}:{document.Length}:{await reader.ReadToEndAsync()} x{copies}";
        }

        [Post("/files")]
        public static string Files(IFormFileCollection files) => string.Join(',', files.Select(f => f.FileName));

        [Post("/raw")]
        public static async Task<int> Raw(Stream body)
        {
            var buffer = new MemoryStream();
            await body.CopyToAsync(buffer);
            return (int)buffer.Length;
        }

        [Post("/shout")]
        public static string Shout(string body) => body.ToUpperInvariant();

        [Get("/shout-get")]
        public static string ShoutGet(string body) => body.ToUpperInvariant();

        [Post("/sum")]
        public static int Sum(int a, int b) => a + b;
    }
}
