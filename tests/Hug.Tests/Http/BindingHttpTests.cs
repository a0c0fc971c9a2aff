using System.Net;
using Hug.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Hug.Tests.Http;

/// <summary>Parameters from route, query, JSON and form bodies over a real Kestrel.</summary>
public sealed class BindingHttpTests : IAsyncLifetime
{
    private HugServer server = null!;

    public async Task InitializeAsync()
    {
        var api = new HugApi().AddType(typeof(BindingApi)).AddType(typeof(InstanceApi));
        api.Services.AddSingleton<IClock, FixedClock>();
        server = await HugServer.StartAsync(api);
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task EveryScalarKindConverts()
    {
        var (response, body) = await server.GetJsonAsync(
            "/scalars?whole=9000000000&real=1.5&money=2.25&id=0f8fad5b-d9cb-469f-a165-70867728950e&flag=yes&color=GREEN&day=2024-01-31&span=01:02:03&temperature=21.5C");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(9000000000, body.GetProperty("whole").GetInt64());
        Assert.Equal(1.5, body.GetProperty("real").GetDouble());
        Assert.Equal(2.25m, body.GetProperty("money").GetDecimal());
        Assert.True(body.GetProperty("flag").GetBoolean());
        Assert.Equal("green", body.GetProperty("color").GetString());
        Assert.Equal("2024-01-31", body.GetProperty("day").GetString());
        Assert.Equal(21.5, body.GetProperty("temperature").GetDouble());
    }

    [Fact]
    public async Task EveryScalarKindHasItsMessage()
    {
        var (response, body) = await server.GetJsonAsync(
            "/scalars?whole=1.5&real=x&money=y&id=nope&flag=maybe&color=blue&day=31/01/2024&span=soon&temperature=hot");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Invalid whole number provided", JsonAssert.Error(body, "whole"));
        Assert.Equal("Invalid float number provided", JsonAssert.Error(body, "real"));
        Assert.Equal("Invalid decimal number provided", JsonAssert.Error(body, "money"));
        Assert.Equal("Invalid UUID provided", JsonAssert.Error(body, "id"));
        Assert.StartsWith("Invalid true/false value provided", JsonAssert.Error(body, "flag"));
        Assert.Equal("Invalid value passed. The accepted values are: (red|green)", JsonAssert.Error(body, "color"));
        Assert.Equal("Invalid date provided", JsonAssert.Error(body, "day"));
        Assert.Equal("Invalid time span provided", JsonAssert.Error(body, "span"));
        Assert.Equal("Invalid Celsius value provided", JsonAssert.Error(body, "temperature"));
        Assert.Equal(9, body.GetProperty("errors").EnumerateObject().Count());
    }

    [Fact]
    public async Task OptionalNullableAndDefaults()
    {
        Assert.Equal("\"null|null|5|Green\"", await server.Client.GetStringAsync("/optional"));
        Assert.Equal("\"3|ann|7|Red\"", await server.Client.GetStringAsync("/optional?count=3&name=ann&size=7&color=red"));
        Assert.Equal("\"null|null|5|Green\"", await server.Client.GetStringAsync("/optional?count=&size="));
        // A blank copy of a repeated value is dropped, as a lone blank counts as missing (issue 22, item 10)...
        Assert.Equal("\"3|null|7|Green\"", await server.Client.GetStringAsync("/optional?count=3&count=&size=&size=7"));
        // ...but two values are still two.
        var (response, body) = await server.GetJsonAsync("/optional?count=3&count=4");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Expected a single value but 2 were provided", JsonAssert.Error(body, "count"));
    }

    [Fact]
    public async Task EmptyStringIsAValueForText()
    {
        Assert.Equal("\"[]\"", await server.Client.GetStringAsync("/text?value="));
        Assert.Equal("\"[a,b]\"", await server.Client.GetStringAsync("/text?value=a,b"));
        var (response, body) = await server.GetJsonAsync("/text?value=a&value=b");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Expected a single value but 2 were provided", JsonAssert.Error(body, "value"));
        // To text a blank is a value, so a blank copy is a second value.
        (response, _) = await server.GetJsonAsync("/text?value=a&value=");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ListsComeFromRepeatedValuesNeverFromCommas()
    {
        Assert.Equal("[1,2,3]", await server.Client.GetStringAsync("/list?n=1&n=2&n=3"));
        Assert.Equal("[\"a,b\",\"c\"]", await server.Client.GetStringAsync("/tags?tag=a,b&tag=c"));
        var (_, body) = await server.GetJsonAsync("/list?n=1&n=x");
        Assert.Equal("Invalid whole number provided", JsonAssert.Error(body, "n[1]"));
        Assert.Equal("6", await server.Client.GetStringAsync("/delimited?ids=1,2,3"));
        Assert.Equal("10", await server.Client.GetStringAsync("/delimited?ids=1,2&ids=7"));
    }

    [Fact]
    public async Task DataAnnotationsOnParameters()
    {
        var (response, body) = await server.GetJsonAsync("/ranged?size=11&code=ABC");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("'11' exceeds the upper limit 10", JsonAssert.Error(body, "size"));
        Assert.Equal("'ABC' does not match the pattern ^[a-z]+$", JsonAssert.Error(body, "code"));
        Assert.Equal("4", await server.Client.GetStringAsync("/ranged?size=4"));
    }

    [Fact]
    public async Task RouteParameters()
    {
        Assert.Equal("\"user 42 \"", await server.Client.GetStringAsync("/users/42"));
        Assert.Equal("\"user 42 all\"", await server.Client.GetStringAsync("/users/42?expand=all"));
        var (response, body) = await server.GetJsonAsync("/users/abc");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Invalid whole number provided", JsonAssert.Error(body, "id"));
    }

    [Fact]
    public async Task RouteLosesToQueryWhichLosesToBody()
    {
        Assert.Equal("\"route\"", await server.Client.GetStringAsync("/precedence/route"));
        Assert.Equal("\"query\"", await server.Client.GetStringAsync("/precedence/route?value=query"));
        var (_, body) = await server.SendJsonAsync(HttpMethod.Post, "/precedence/route?value=query", """{"value":"body"}""");
        Assert.Equal("body", body.GetString());
    }

    [Fact]
    public async Task JsonBodyBindsRecords()
    {
        var (response, body) = await server.SendJsonAsync(HttpMethod.Post, "/people",
            """{"name":"Ann","age":30,"address":{"city":"Oslo","zip":"0150"}}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Ann", body.GetProperty("name").GetString());
        Assert.Equal("Oslo", body.GetProperty("address").GetProperty("city").GetString());
    }

    [Fact]
    public async Task MalformedJsonIs400NamingTheProblem()
    {
        var (response, body) = await server.SendJsonAsync(HttpMethod.Post, "/people", """{"name": "Ann",""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Malformed JSON:", JsonAssert.Error(body, "body"));
        Assert.Contains("LineNumber", JsonAssert.Error(body, "body"));
    }

    /// <summary>
    /// A record that is an endpoint's only input reads the body whole, in one pass (no document first); beside another input
    /// the body is parsed and looked up by name. Both give one answer to every body, good or bad.
    /// </summary>
    [Theory]
    [InlineData("""{"name": "Ann",""")]
    [InlineData("""{"name":"Ann","age":3} x""")]
    [InlineData("""[1,""")]
    [InlineData("null")]
    [InlineData("   ")]
    [InlineData("  \r\n {\"name\":\"Ann\",\"age\":3}")]
    [InlineData("""{"name":"Ann","age":"old"}""")]
    [InlineData("""{"age":3}""")]
    [InlineData("""{"name":"Ann","address":{"city":"Oslo","zip":"toolong"}}""")]
    [InlineData("""{"name":"\ud800"}""")]
    [InlineData("""{"name":"Ann","age":1e400}""")]
    [InlineData("[]")]
    public async Task ARecordReadWholeAnswersAsAParsedBody(string json)
    {
        var (whole, wholeBody) = await server.SendJsonAsync(HttpMethod.Post, "/people", json);
        var (parsed, parsedBody) = await server.SendJsonAsync(HttpMethod.Post, "/people-tagged", json);
        Assert.Equal(parsed.StatusCode, whole.StatusCode);
        Assert.Equal(parsedBody.GetRawText(), wholeBody.GetRawText());
    }

    [Fact]
    public async Task ABodyLargerThanTheWholeReadLimitAnswersTheSame()
    {
        var json = """{"name":"Ann","age":3,"previous":[""" + string.Join(",", Enumerable.Repeat("""{"city":"Oslo"}""", 5000)) + "]}";
        Assert.True(json.Length > 64 * 1024);
        var (whole, wholeBody) = await server.SendJsonAsync(HttpMethod.Post, "/people", json);
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal(5000, wholeBody.GetProperty("previous").GetArrayLength());
        var (broken, brokenBody) = await server.SendJsonAsync(HttpMethod.Post, "/people", json[..^1]);
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.StartsWith("Malformed JSON:", JsonAssert.Error(brokenBody, "body"));
    }

    [Fact]
    public async Task WrongJsonTypesNameTheMemberWithoutDotNetTypeNames()
    {
        var (response, body) = await server.SendJsonAsync(HttpMethod.Post, "/people", """{"name":"Ann","age":"old"}""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Invalid whole number provided", JsonAssert.Error(body, "person.age"));
        Assert.DoesNotContain("System.", body.GetRawText());
    }

    [Fact]
    public async Task NestedValidationCollectsEveryError()
    {
        var (response, body) = await server.SendJsonAsync(HttpMethod.Post, "/people",
            """{"name":"","age":200,"address":{"zip":"1234567"},"previous":[{"city":"Rome"},{"zip":"1"}]}""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The name field is required.", JsonAssert.Error(body, "person.name"));
        Assert.Equal("'200' exceeds the upper limit 150", JsonAssert.Error(body, "person.age"));
        Assert.Equal("The city field is required.", JsonAssert.Error(body, "person.address.city"));
        Assert.Equal("'1234567' is longer than 5 characters", JsonAssert.Error(body, "person.address.zip"));
        Assert.Equal("The city field is required.", JsonAssert.Error(body, "person.previous[1].city"));
    }

    [Fact]
    public async Task MissingBodyIsAMissingParameter()
    {
        var (response, body) = await server.SendJsonAsync(HttpMethod.Post, "/people", "");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Required parameter 'person' not supplied", JsonAssert.Error(body, "person"));
    }

    [Fact]
    public async Task SeveralJsonParametersBindByName()
    {
        var (_, body) = await server.SendJsonAsync(HttpMethod.Post, "/two-bodies", """{"home":{"city":"A"},"work":{"city":"B"}}""");
        Assert.Equal("A->B", body.GetString());
    }

    [Fact]
    public async Task JsonElementTakesAnyJson()
    {
        var (_, body) = await server.SendJsonAsync(HttpMethod.Post, "/raw", "[1,2]");
        Assert.Equal("Array", body.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task ScalarsFromJsonAndFormBodies()
    {
        var (_, json) = await server.SendJsonAsync(HttpMethod.Post, "/sum", """{"a":1,"b":"2"}""");
        Assert.Equal(3, json.GetInt32());
        var (_, wrong) = await server.SendJsonAsync(HttpMethod.Post, "/sum", """{"a":1.5,"b":true}""");
        Assert.Equal("Invalid whole number provided", JsonAssert.Error(wrong, "a"));
        var form = await server.Client.PostAsync("/sum", new FormUrlEncodedContent([new("a", "4"), new("b", "5")]));
        Assert.Equal("9", await form.Content.ReadAsStringAsync());
        var multipart = new MultipartFormDataContent { { new StringContent("6"), "a" }, { new StringContent("7"), "b" } };
        Assert.Equal("13", await (await server.Client.PostAsync("/sum", multipart)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnsupportedContentTypeIs415()
    {
        var (response, body) = await server.SendJsonAsync(HttpMethod.Post, "/sum", "<a>1</a>", "application/xml");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("application/xml", JsonAssert.Error(body, "Content-Type"));
    }

    [Fact]
    public async Task AsyncMethodsAreAwaited()
    {
        Assert.Equal("42", await server.Client.GetStringAsync("/async?n=21"));
        Assert.Equal("\"quick\"", await server.Client.GetStringAsync("/value-task"));
    }

    [Fact]
    public async Task VoidIs204AndStatusOptionApplies()
    {
        var deleted = await server.Client.DeleteAsync("/nothing");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var (created, body) = await server.SendJsonAsync(HttpMethod.Post, "/created", """{"name":"x"}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("x", body.GetString());
    }

    [Fact]
    public async Task ExceptionIs500WithoutInternalsAndServerKeepsServing()
    {
        var response = await server.Client.GetAsync("/fail");
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain("secret internal detail", text);
        Assert.DoesNotContain("   at ", text);
        Assert.Equal("\"quick\"", await server.Client.GetStringAsync("/value-task"));
    }

    [Fact]
    public async Task IResultIsExecutedAsIs()
    {
        var response = await server.Client.GetAsync("/result");
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("plain", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HttpContextIsInjected()
    {
        Assert.Equal("\"/context|GET\"", await server.Client.GetStringAsync("/context"));
    }

    [Fact]
    public async Task DocumentationListsInputsButNotInjectedParameters()
    {
        var (_, docs) = await server.GetJsonAsync("/");
        var handlers = docs.GetProperty("handlers");
        Assert.False(handlers.GetProperty("/async").GetProperty("GET").GetProperty("inputs").TryGetProperty("cancellationToken", out _));
        Assert.False(handlers.GetProperty("/context").GetProperty("GET").TryGetProperty("inputs", out _));
        var optional = handlers.GetProperty("/optional").GetProperty("GET").GetProperty("inputs");
        Assert.Equal(5, optional.GetProperty("size").GetProperty("default").GetInt32());
        Assert.Equal("green", optional.GetProperty("color").GetProperty("default").GetString());
        Assert.Equal("Accepts one of the following values: (red|green)", optional.GetProperty("color").GetProperty("type").GetString());
        Assert.Equal("A temperature such as 21.5C", handlers.GetProperty("/scalars").GetProperty("GET").GetProperty("inputs").GetProperty("temperature").GetProperty("type").GetString());
        Assert.Equal("Echoes every scalar kind.", handlers.GetProperty("/scalars").GetProperty("GET").GetProperty("usage").GetString());
    }
}

/// <summary>DI: services by type, instance methods created per call.</summary>
public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task ServicesAreInjectedAndInstancesCreatedPerCall()
    {
        await using var server = await AppServer.StartAsync(builder => builder.Services
            .AddSingleton<IClock, FixedClock>()
            .AddHug(new HugApi().AddType(typeof(InstanceApi)).AddType(typeof(BindingApi))), app => app.MapHug());
        var client = server.Client;
        var before = InstanceApi.Disposed;
        Assert.Equal("\"2026-11-22\"", await client.GetStringAsync("/today"));
        Assert.Equal("\"2026-11-22\"", await client.GetStringAsync("/instance"));
        Assert.Equal("\"2026-11-22\"", await client.GetStringAsync("/instance"));
        // Per-call instances are disposed with the response, which completes just after the client has read it.
        for (var wait = 0; wait < 100 && InstanceApi.Disposed < before + 2; wait++) await Task.Delay(50);
        Assert.True(InstanceApi.Disposed >= before + 2);
        Assert.Equal("\"null|null|5|Green\"", await client.GetStringAsync("/optional"));
    }

    [Fact]
    public void AnUnregisteredInterfaceIsAStartupErrorNamingTheMethod()
    {
        var api = new HugApi().AddType(typeof(BindingApi));
        var error = Assert.Throws<HugConfigurationException>(() => HugWebHost.Build(api, urls: "http://127.0.0.1:0"));
        Assert.Contains("BindingApi.Today", error.Message);
        Assert.Contains("'clock'", error.Message);
    }
}
