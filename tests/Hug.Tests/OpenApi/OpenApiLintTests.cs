extern alias AdditionExample;
extern alias FormatsExample;
using System.Text.Json;
using Hug.Testing;
using Hug.Tests.Support;
using Addition = AdditionExample::Addition;
using Library = FormatsExample::Library;

namespace Hug.Tests.OpenApi;

/// <summary>serve's documents checked by a real OpenAPI linter, and what Hug adds to them (security, parameter docs).</summary>
public sealed class OpenApiLintTests
{
    private static async Task<string> ServedDocumentAsync(HugApi api, string name = "v1")
    {
        await using var host = await HugTestHost.StartAsync(api);
        using var http = host.CreateHttpClient();
        return await http.GetStringAsync($"/openapi/{name}.json");
    }

    private static HugApi Example(Type type, Action<HugApi>? configure = null)
    {
        var api = HugApi.FromAssembly(type.Assembly);
        configure?.Invoke(api);
        return api;
    }

    private static HugApi Api(string example) => example switch
    {
        "Addition" => Example(typeof(Addition)),
        "Auth" => Example(typeof(Accounts), Accounts.Configure),
        "Formats" => Example(typeof(Library), Library.Configure),
        _ => new HugApi().AddType(typeof(Use.ClientApi)),
    };

    [RedoclyFact]
    public async Task EveryExamplesDocumentHasNoLintErrorsAndEveryExampleHasItsPage()
    {
        var directory = Directory.CreateTempSubdirectory("hug-redocly-").FullName;
        try
        {
            // Each example as it runs (a real process, `serve`), and an API with versions (its v2 document).
            foreach (var example in new[] { "Addition", "Auth", "Formats", "Chat" })
            {
                await using var server = ExampleProcess.Serve(example);
                using var http = new HttpClient { BaseAddress = await server.WaitForAddressAsync() };
                await LintAsync(directory, example, await http.GetStringAsync("/openapi/v1.json"));
                using var page = new HttpRequestMessage(HttpMethod.Get, "/");
                page.Headers.TryAddWithoutValidation("Accept", "text/html");
                using var answer = await http.SendAsync(page);
                Assert.Equal("text/html", answer.Content.Headers.ContentType?.MediaType);
                Assert.Contains("<h1>", await answer.Content.ReadAsStringAsync());
            }
            await LintAsync(directory, "Versions", await ServedDocumentAsync(Api("Versions"), "v2"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task LintAsync(string directory, string name, string document)
    {
        var path = Path.Combine(directory, name + ".json");
        await File.WriteAllTextAsync(path, document);
        var (exit, output) = await Redocly.LintAsync(path);
        Assert.True(exit == 0, $"{name}: {output}");
    }

    [Fact]
    public async Task RequirementsAreSecuritySchemes()
    {
        var document = JsonDocument.Parse(await ServedDocumentAsync(Api("Auth"))).RootElement;
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("basic", schemes.GetProperty("basic").GetProperty("scheme").GetString());
        Assert.Equal("bearer", schemes.GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.Equal("X-Api-Key", schemes.GetProperty("apiKey").GetProperty("name").GetString());
        var paths = document.GetProperty("paths");
        Assert.True(paths.GetProperty("/hello").GetProperty("get").GetProperty("security")[0].TryGetProperty("basic", out _));
        Assert.Equal(0, paths.GetProperty("/ping").GetProperty("get").GetProperty("security").GetArrayLength());
        Assert.True(paths.GetProperty("/hello").GetProperty("get").GetProperty("responses").TryGetProperty("401", out _));
        Assert.True(paths.GetProperty("/work").GetProperty("get").GetProperty("responses").TryGetProperty("403", out _));
    }

    [Fact]
    public async Task ParametersAndTagsCarryTheXmlDocs()
    {
        var document = JsonDocument.Parse(await ServedDocumentAsync(Api("Formats"))).RootElement;
        var name = document.GetProperty("paths").GetProperty("/files/{name}").GetProperty("get").GetProperty("parameters")[0];
        Assert.Equal("The file's name on the shelf", name.GetProperty("description").GetString());
        Assert.Equal("A small library: negotiated formats, a file download, a streamed feed and an upload",
            document.GetProperty("tags")[0].GetProperty("description").GetString());
        Assert.DoesNotContain("/\"", document.GetProperty("servers")[0].GetProperty("url").GetString() + "\"");
    }
}

/// <summary>Rules on a positional record's parameters reach its OpenAPI schema (the generator reads only properties' attributes).</summary>
public sealed class RecordRulesOpenApiTests
{
    [Fact]
    public async Task ARecordsRulesAreSchemaKeywords()
    {
        var api = new HugApi();
        api.Http.Post("/people", (Hug.Tests.Support.Person person) => person.Name);
        await using var host = await HugTestHost.StartAsync(api);
        using var http = host.CreateHttpClient();
        var person = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json")).RootElement
            .GetProperty("components").GetProperty("schemas").GetProperty("Person").GetProperty("properties");
        Assert.Equal(20, person.GetProperty("name").GetProperty("maxLength").GetInt32());
        Assert.Equal(0, person.GetProperty("age").GetProperty("minimum").GetInt32());
        Assert.Equal(150, person.GetProperty("age").GetProperty("maximum").GetInt32());
    }
}

/// <summary>A parameter Hug reads as text (an <c>IParsable</c> type) is a string in the document, not the type's JSON object.</summary>
public sealed class ParsableParameterOpenApiTests
{
    [Fact]
    public async Task AParsableIsText()
    {
        var api = new HugApi();
        api.Http.Get("/warm", (Celsius temperature) => temperature.Degrees > 20);
        await using var host = await HugTestHost.StartAsync(api);
        using var http = host.CreateHttpClient();
        var schema = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json")).RootElement
            .GetProperty("paths").GetProperty("/warm").GetProperty("get").GetProperty("parameters")[0].GetProperty("schema");
        Assert.Equal("string", schema.GetProperty("type").GetString());
        Assert.Equal("A temperature such as 21.5C", schema.GetProperty("description").GetString());
    }
}
