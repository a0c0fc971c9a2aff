extern alias AdditionExample;
using System.Text.Json;
using Hug.Tests.Use;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Addition = AdditionExample::Addition;

namespace Hug.Tests.OpenApi;

/// <summary>Hug's endpoints in Microsoft.AspNetCore.OpenApi's document of a user's own app (<c>AddOpenApi()</c> + <c>MapHug()</c>).</summary>
public sealed class OpenApiDocumentTests
{
    private static async Task<JsonElement> DocumentAsync(HugApi api, string name = "v1", bool withHug = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddHug(api);
        if (withHug) builder.Services.AddOpenApi(name, options => options.AddHug());
        else builder.Services.AddOpenApi(name);
        await using var app = builder.Build();
        app.MapHug();
        app.MapOpenApi();
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        var text = await http.GetStringAsync($"/openapi/{name}.json");
        await app.StopAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task AdditionIsDocumented()
    {
        var document = await DocumentAsync(HugApi.FromAssembly(typeof(Addition).Assembly));
        var add = document.GetProperty("paths").GetProperty("/add").GetProperty("get");
        Assert.Equal("Add", add.GetProperty("operationId").GetString());
        Assert.Equal("Returns the result of adding number_1 to number_2", add.GetProperty("summary").GetString());
        var parameters = add.GetProperty("parameters").EnumerateArray().ToList();
        Assert.Equal(["number_1", "number_2"], parameters.Select(p => p.GetProperty("name").GetString()));
        Assert.All(parameters, p =>
        {
            Assert.Equal("query", p.GetProperty("in").GetString());
            Assert.True(p.GetProperty("required").GetBoolean());
            Assert.Contains("integer", p.GetProperty("schema").GetProperty("type").ToString());
        });
        var responses = add.GetProperty("responses");
        Assert.Contains("integer", responses.GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("type").ToString());
        Assert.True(responses.GetProperty("400").GetProperty("content").TryGetProperty("application/problem+json", out _));
    }

    [Fact]
    public async Task AddHugAddsSecurityAndParameterDocsInAUsersApp()
    {
        var api = HugApi.FromAssembly(typeof(Accounts).Assembly);
        Accounts.Configure(api);
        var plain = await DocumentAsync(api);
        Assert.True(plain.GetProperty("paths").TryGetProperty("/hello", out _)); // the operations are there without it
        var document = await DocumentAsync(api, withHug: true);
        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("basic", out _));
        Assert.True(document.GetProperty("paths").GetProperty("/hello").GetProperty("get").GetProperty("security")[0].TryGetProperty("basic", out _));
    }

    [Fact]
    public async Task BodiesRouteValuesAndVersionsAreWhereHugReadsThem()
    {
        var api = new HugApi().AddType(typeof(ClientApi));
        var v2 = await DocumentAsync(api, "v2");
        var paths = v2.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/v2/echo", out _));
        Assert.False(paths.TryGetProperty("/echo", out _));
        var user = paths.GetProperty("/v2/users/{id}").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("in").GetString());
        Assert.Equal("path", user["id"]);
        Assert.Equal("query", user["greeting"]);
        var create = paths.GetProperty("/v2/people").GetProperty("post");
        Assert.True(create.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.True(create.GetProperty("responses").TryGetProperty("201", out _));
    }
}

/// <summary><c>serve</c>'s own documents (here through Hug.Testing's host, which builds the web host as serve does).</summary>
public sealed class ServeOpenApiTests
{
    [Fact]
    public async Task ServePublishesTheDocumentWithStrictNumbers()
    {
        await using var host = await Hug.Testing.HugTestHost.StartAsync(HugApi.FromAssembly(typeof(Addition).Assembly));
        using var http = host.CreateHttpClient();
        var document = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json")).RootElement;
        Assert.Equal("A simple API to enable adding two numbers together", document.GetProperty("info").GetProperty("title").GetString());
        var parameter = document.GetProperty("paths").GetProperty("/add").GetProperty("get").GetProperty("parameters")[0];
        Assert.Equal("integer", parameter.GetProperty("schema").GetProperty("type").GetString());
        Assert.Equal(1, parameter.GetProperty("example").GetInt32()); // the route's example, number_1=1&number_2=2
    }

    [Fact]
    public async Task AnOptionTurnsItOff()
    {
        var api = HugApi.FromAssembly(typeof(Addition).Assembly);
        api.Options.OpenApiDocuments = false;
        await using var host = await Hug.Testing.HugTestHost.StartAsync(api);
        using var http = host.CreateHttpClient();
        using var response = await http.GetAsync("/openapi/v1.json");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task EachVersionHasItsDocument()
    {
        await using var host = await Hug.Testing.HugTestHost.StartAsync(new HugApi().AddType(typeof(ClientApi)));
        using var http = host.CreateHttpClient();
        foreach (var version in new[] { 1, 2 })
        {
            var document = JsonDocument.Parse(await http.GetStringAsync($"/openapi/v{version}.json")).RootElement;
            Assert.True(document.GetProperty("paths").TryGetProperty($"/v{version}/echo", out _));
        }
    }
}
