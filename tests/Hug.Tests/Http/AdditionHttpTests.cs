using System.Net;
using Hug.Tests.Support;

namespace Hug.Tests.Http;

/// <summary>The foundation issue's table, row by row, against a real Kestrel.</summary>
public sealed class AdditionHttpTests : IAsyncLifetime
{
    private HugServer server = null!;

    public async Task InitializeAsync() => server = await HugServer.StartAsync(new HugApi().AddType(typeof(Addition)));

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Adds()
    {
        var response = await server.Client.GetAsync("/add?number_1=1&number_2=2");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(1, response.Content.Headers.ContentLength);
        Assert.Equal("3", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/ADD?number_1=1&number_2=2")]
    [InlineData("/add/?number_1=1&number_2=2")]
    public async Task UrlsMatchAsRoutingMatchesThem(string url)
    {
        // serve answers literal URLs ahead of endpoint routing; it must match as routing would.
        var response = await server.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task InvalidNumberIsAProblem()
    {
        var (response, body) = await server.GetJsonAsync("/add?number_1=x&number_2=2");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Invalid whole number provided", JsonAssert.Error(body, "number_1"));
        Assert.Equal(400, body.GetProperty("status").GetInt32());
        Assert.Equal("Invalid input", body.GetProperty("title").GetString());
        Assert.Single(body.GetProperty("errors").EnumerateObject());
    }

    [Theory]
    [InlineData("/add?number_1=1")]
    [InlineData("/add?number_1=1&number_2=")]
    public async Task MissingParameterIsNamed(string url)
    {
        var (response, body) = await server.GetJsonAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Required parameter 'number_2' not supplied", JsonAssert.Error(body, "number_2"));
    }

    [Fact]
    public async Task AllErrorsInOneResponse()
    {
        var (_, body) = await server.GetJsonAsync("/add?number_1=x");
        Assert.Equal("Invalid whole number provided", JsonAssert.Error(body, "number_1"));
        Assert.Equal("Required parameter 'number_2' not supplied", JsonAssert.Error(body, "number_2"));
    }

    [Fact]
    public async Task RootIsTheDocumentation()
    {
        var (response, docs) = await server.GetJsonAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("A simple API to enable adding two numbers together", docs.GetProperty("overview").GetString());
        var add = docs.GetProperty("handlers").GetProperty("/add").GetProperty("GET");
        Assert.Equal("Returns the result of adding number_1 to number_2", add.GetProperty("usage").GetString());
        Assert.Equal("A whole number", add.GetProperty("inputs").GetProperty("number_1").GetProperty("type").GetString());
        Assert.Equal("A whole number", add.GetProperty("inputs").GetProperty("number_2").GetProperty("type").GetString());
        Assert.Equal("/add?number_1=1&number_2=2", add.GetProperty("examples")[0].GetString());
        Assert.Equal("application/json; charset=utf-8", add.GetProperty("outputs").GetProperty("content_type").GetString());
    }

    [Fact]
    public async Task UnknownUrlIs404WithDocumentation()
    {
        var (response, body) = await server.GetJsonAsync("/nothing");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.StartsWith("The API call you tried to make was not defined", body.GetProperty("404").GetString());
        var (_, root) = await server.GetJsonAsync("/");
        Assert.True(System.Text.Json.JsonElement.DeepEquals(root, body.GetProperty("documentation")));
    }

    [Fact]
    public async Task WrongMethodIs405WithAllow()
    {
        var (response, body) = await server.SendJsonAsync(HttpMethod.Post, "/add", "{}");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("GET, HEAD, OPTIONS", string.Join(", ", response.Content.Headers.Allow)); // every method served (RFC 9110)
        Assert.Contains("POST is not allowed on /add", JsonAssert.Error(body, "method"));
    }

    [Fact]
    public async Task TheDocumentationUrlsAnswerOtherMethodsWithTheSame405()
    {
        foreach (var url in new[] { "/" })
        {
            var (response, body) = await server.SendJsonAsync(HttpMethod.Delete, url, "{}");
            Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
            Assert.Equal("GET, HEAD, OPTIONS", string.Join(", ", response.Content.Headers.Allow));
            Assert.Contains($"DELETE is not allowed on {url}", JsonAssert.Error(body, "method"));
        }
        var options = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/"));
        Assert.Equal(HttpStatusCode.NoContent, options.StatusCode);
        Assert.Equal("GET, HEAD, OPTIONS", string.Join(", ", options.Content.Headers.Allow));
    }

    [Fact]
    public async Task HeadAndOptions()
    {
        var head = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/add?number_1=1&number_2=2"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        var options = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/add"));
        Assert.Equal(HttpStatusCode.NoContent, options.StatusCode);
        Assert.Equal("GET, HEAD, OPTIONS", string.Join(", ", options.Content.Headers.Allow));
    }

    [Fact]
    public async Task TrailingSlashAndCaseStillRoute()
    {
        Assert.Equal("3", await server.Client.GetStringAsync("/add/?number_1=1&number_2=2"));
        Assert.Equal("3", await server.Client.GetStringAsync("/ADD?number_1=1&number_2=2"));
    }
}

/// <summary>A simple API to enable adding two numbers together</summary>
public static class Addition
{
    /// <summary>Returns the result of adding number_1 to number_2</summary>
    [Get(Examples = "number_1=1&number_2=2")]
    public static int Add(int number_1, int number_2) => number_1 + number_2;
}
