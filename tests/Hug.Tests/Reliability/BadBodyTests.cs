using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Hug.Tests.Support;

namespace Hug.Tests.Reliability;

/// <summary>
/// Malformed bodies and framing (issue 21, findings 3, 5 and 6): each a 4xx naming the problem, never a 500,
/// and the server keeps serving. Real Kestrel over loopback; raw sockets where HttpClient would refuse to send.
/// </summary>
public sealed class BadBodyTests : IAsyncLifetime
{
    private HugServer server = null!;

    public async Task InitializeAsync() => server = await HugServer.StartAsync(api => api.AddType(typeof(Bodies)));

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Theory]
    [InlineData(new byte[] { 0xC0, 0xAF }, "number_1")]            // an overlong encoding: invalid UTF-8 inside a string
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 }, "number_1")]      // a surrogate encoded in UTF-8
    public async Task InvalidUtf8InAJsonStringIsA400(byte[] bad, string parameter)
    {
        var body = Encoding.UTF8.GetBytes("{\"number_1\":\"").Concat(bad).Concat(Encoding.UTF8.GetBytes("\",\"number_2\":2}")).ToArray();
        var (response, problem) = await PostAsync("/add", body, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("UTF-8", JsonAssert.Error(problem, parameter));
        await StillServes();
    }

    [Fact]
    public async Task ALoneEscapedSurrogateIsA400()
    {
        var (response, problem) = await PostAsync("/echo", Encoding.UTF8.GetBytes("{\"text\":\"\\ud800\"}"), "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("text", problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        await StillServes();
    }

    [Theory]
    [InlineData("text/plain; charset=utf-7", "hello")]
    [InlineData("application/x-www-form-urlencoded; charset=utf-7", "text=hello")] // was a 500 with a logged stack (issue 35, point 3)
    [InlineData("multipart/form-data; boundary=b; charset=utf-7", "--b\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nhello\r\n--b--\r\n")]
    public async Task AnUnsupportedCharsetIsA415(string contentType, string body)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var response = await server.Client.PostAsync("/echo", content);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("utf-7", await response.Content.ReadAsStringAsync());
        await StillServes();
    }

    [Fact]
    public async Task AnOverflowingChunkSizeIsA400()
    {
        var answer = await RawAsync("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFF\r\n");
        Assert.True(answer.StartsWith("HTTP/1.1 400"), answer);
        await StillServes();
    }

    [Fact]
    public async Task AMultipartBodyWithNoFramingIsRefusedNot500()
    {
        // No Content-Length and not chunked: a request without a body as far as HTTP/1.1 goes.
        var answer = await RawAsync("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\nConnection: close\r\n\r\n");
        Assert.Matches("^HTTP/1.1 4(00|11|15)", answer);
        await StillServes();
    }

    private async Task<(HttpResponseMessage, System.Text.Json.JsonElement)> PostAsync(string url, byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return await HugServer.ReadAsync(await server.Client.PostAsync(url, content));
    }

    private async Task<string> RawAsync(string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Client.BaseAddress!.Host, server.Client.BaseAddress.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var buffer = new byte[16384]; await Task.Delay(300);
        var read = await stream.ReadAsync(buffer, timeout.Token);
        return Encoding.ASCII.GetString(buffer, 0, read);
    }

    private async Task StillServes() => Assert.Equal("3", await server.Client.GetStringAsync("/add?number_1=1&number_2=2"));

    public static class Bodies
    {
        [Get, Post]
        public static int Add(int number_1, int number_2) => number_1 + number_2;

        [Post]
        public static string Echo(string text) => text;

        [Post]
        public static int Upload(Microsoft.AspNetCore.Http.IFormFile file) => (int)file.Length;
    }
}
