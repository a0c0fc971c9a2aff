using System.Net;
using Hug.Tests.Support;

namespace Hug.Tests.Http;

public sealed class NotFoundTests
{
    [Fact]
    public async Task DocumentationCanBeTurnedOffForProduction()
    {
        await using var server = await HugServer.StartAsync(api => api.AddType(typeof(Addition)), new HugOptions { NotFoundDocumentation = false });
        var (response, body) = await server.GetJsonAsync("/nothing");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.False(body.TryGetProperty("documentation", out _));
        Assert.Equal("The API call you tried to make was not defined", JsonAssert.Error(body, "404"));
    }

    [Fact]
    public async Task RouteAtRootReplacesTheDocumentationPage()
    {
        await using var server = await HugServer.StartAsync(api => api.Http.Get("/", () => "home").Get("/other", () => 1));
        Assert.Equal("\"home\"", await server.Client.GetStringAsync("/"));
        var (response, body) = await server.GetJsonAsync("/missing");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(body.GetProperty("documentation").GetProperty("handlers").TryGetProperty("/other", out _));
    }

    [Fact]
    public async Task PrivateRoutesAreServedButNotDocumented()
    {
        await using var server = await HugServer.StartAsync(api => api.Http.Get("/public", () => 1).Private().Get("/hidden", () => 2));
        Assert.Equal("2", await server.Client.GetStringAsync("/hidden"));
        var (_, docs) = await server.GetJsonAsync("/");
        Assert.True(docs.GetProperty("handlers").TryGetProperty("/public", out _));
        Assert.False(docs.GetProperty("handlers").TryGetProperty("/hidden", out _));
    }
}
