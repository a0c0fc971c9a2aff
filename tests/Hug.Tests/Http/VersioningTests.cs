using System.Net;
using Hug.Tests.Support;

namespace Hug.Tests.Http;

public sealed class VersioningTests : IAsyncLifetime
{
    private HugServer server = null!;

    public async Task InitializeAsync() => server = await HugServer.StartAsync(new HugApi().AddType(typeof(VersionedApi)));

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Theory]
    [InlineData("/v1/echo?text=a", "\"v1:a\"")]
    [InlineData("/v2/echo?text=a", "\"v2:a\"")]
    [InlineData("/v1/ping", "\"pong\"")]
    [InlineData("/v2/ping", "\"pong\"")]
    [InlineData("/ping", "\"pong\"")]
    public async Task VersionFromThePath(string url, string expected) =>
        Assert.Equal(expected, await server.Client.GetStringAsync(url));

    [Fact]
    public async Task VersionFromTheHeader()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/echo?text=b");
        request.Headers.Add("X-Api-Version", "1");
        Assert.Equal("\"v1:b\"", await (await server.Client.SendAsync(request)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ConflictingAndInvalidVersionsAre400()
    {
        var conflicting = new HttpRequestMessage(HttpMethod.Get, "/v1/echo?text=b");
        conflicting.Headers.Add("X-Api-Version", "2");
        var (response, body) = await HugServer.ReadAsync(await server.Client.SendAsync(conflicting));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("conflicting versions", JsonAssert.Error(body, "X-Api-Version"));
        var invalid = new HttpRequestMessage(HttpMethod.Get, "/echo?text=b");
        invalid.Headers.Add("X-Api-Version", "two");
        (response, body) = await HugServer.ReadAsync(await server.Client.SendAsync(invalid));
        Assert.Equal("Invalid whole number provided", JsonAssert.Error(body, "X-Api-Version"));
    }

    [Fact]
    public async Task AUrlServedOnlyForSomeVersionsIsNotFoundWithoutOne()
    {
        // hug's version router: no version asked, no version-less handler → the 404 with the documentation (not the latest version).
        var (response, body) = await server.GetJsonAsync("/echo?text=a");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(2, body.GetProperty("documentation").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task TwoVersionHeadersAreOneClearError()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/echo?text=b");
        request.Headers.TryAddWithoutValidation("X-Api-Version", ["1", "1"]);
        var (response, body) = await HugServer.ReadAsync(await server.Client.SendAsync(request));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Sent 2 times; send one version", JsonAssert.Error(body, "X-Api-Version"));
    }

    [Fact]
    public async Task UnknownVersionIs404()
    {
        var response = await server.Client.GetAsync("/v3/echo?text=a");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task DocumentationPerVersion()
    {
        var (_, latest) = await server.GetJsonAsync("/");
        Assert.Equal(2, latest.GetProperty("version").GetInt32());
        Assert.Equal([1, 2], latest.GetProperty("versions").EnumerateArray().Select(v => v.GetInt32()));
        var (_, v1) = await server.GetJsonAsync("/v1");
        Assert.Equal(1, v1.GetProperty("version").GetInt32());
        Assert.True(v1.GetProperty("handlers").TryGetProperty("/ping", out _));
        Assert.Equal("/v1/ping", v1.GetProperty("handlers").GetProperty("/ping").GetProperty("GET").GetProperty("examples")[0].GetString());
        var (notFound, body) = await server.GetJsonAsync("/v1/nothing");
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal(1, body.GetProperty("documentation").GetProperty("version").GetInt32());
    }
}
