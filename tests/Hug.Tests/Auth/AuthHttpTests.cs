using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Hug.Tests.Support;

namespace Hug.Tests.Auth;

/// <summary>examples/Auth's endpoints over a real Kestrel: every status, challenge and message.</summary>
public sealed class AuthHttpTests : IAsyncLifetime
{
    private HugServer server = null!;

    public async Task InitializeAsync()
    {
        var api = new HugApi().AddType(typeof(Accounts));
        Accounts.Configure(api);
        server = await HugServer.StartAsync(api);
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    private async Task<(HttpResponseMessage Response, System.Text.Json.JsonElement Body)> Get(string url, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return await HugServer.ReadAsync(await server.Client.SendAsync(request));
    }

    private static string Basic(string user, string password) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    private static void AssertUnauthorized(HttpResponseMessage response, System.Text.Json.JsonElement body, string challenge, string title, string message)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(challenge, response.Headers.WwwAuthenticate.ToString());
        Assert.Equal(message, JsonAssert.Error(body, title));
        Assert.Equal(401, body.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task OpenEndpointNeedsNothing() => Assert.Equal("\"pong\"", await server.Client.GetStringAsync("/ping"));

    [Fact]
    public async Task BasicMissingInvalidMalformedAndAccepted()
    {
        var (response, body) = await Get("/hello");
        AssertUnauthorized(response, body, "Basic realm=\"simple\"", "Authentication Required", "Please provide valid Basic HTTP Authentication credentials");
        (response, body) = await Get("/hello", ("Authorization", Basic("ann", "wrong")));
        AssertUnauthorized(response, body, "Basic realm=\"simple\"", "Invalid Authentication", "Provided Basic HTTP Authentication credentials were invalid");
        // Another scheme is well formed, just not Basic credentials: invalid, not malformed (issue 22, item 9).
        (response, body) = await Get("/hello", ("Authorization", "Bearer t-456"));
        AssertUnauthorized(response, body, "Basic realm=\"simple\"", "Invalid Authentication", "Provided Basic HTTP Authentication credentials were invalid");
        (response, body) = await Get("/hello", ("Authorization", "Basic"));
        AssertUnauthorized(response, body, "Basic realm=\"simple\"", "Authentication Error", "Authentication header is improperly formed");
        (response, body) = await Get("/hello", ("Authorization", "Basic !!!not-base64"));
        AssertUnauthorized(response, body, "Basic realm=\"simple\"", "Authentication Error", "Authentication header is improperly formed");
        (response, body) = await Get("/hello", ("Authorization", Basic("ann", "s3cret")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("WWW-Authenticate"));
        Assert.Equal("Hello, ann", body.GetString());
    }

    [Fact]
    public async Task ApiKeyFromHeaderOrQuery()
    {
        var (response, body) = await Get("/secret");
        AssertUnauthorized(response, body, "ApiKey realm=\"simple\"", "Authentication Required", "Please provide valid API Key Header Authentication credentials");
        (response, body) = await Get("/secret", ("X-Api-Key", "nope"));
        AssertUnauthorized(response, body, "ApiKey realm=\"simple\"", "Invalid Authentication", "Provided API Key Header Authentication credentials were invalid");
        (_, body) = await Get("/secret", ("X-Api-Key", "k-123"));
        Assert.Equal("the secret, for key holder", body.GetString());
        (_, body) = await Get("/secret?api_key=k-123");
        Assert.Equal("the secret, for key holder", body.GetString());
    }

    [Fact]
    public async Task BearerTokenAndTimerDirective()
    {
        var (response, body) = await Get("/me");
        AssertUnauthorized(response, body, "Bearer realm=\"simple\"", "Authentication Required", "Please provide valid Bearer Token Authentication credentials");
        (response, body) = await Get("/me", ("Authorization", "Bearer wrong"));
        AssertUnauthorized(response, body, "Bearer realm=\"simple\"", "Invalid Authentication", "Provided Bearer Token Authentication credentials were invalid");
        (response, body) = await Get("/me", ("Authorization", "Basic abc"));
        AssertUnauthorized(response, body, "Bearer realm=\"simple\"", "Invalid Authentication", "Provided Bearer Token Authentication credentials were invalid");
        (response, body) = await Get("/me", ("Authorization", "Bearer"));
        AssertUnauthorized(response, body, "Bearer realm=\"simple\"", "Authentication Error", "Authentication header is improperly formed");
        (response, body) = await Get("/me", ("Authorization", "Bearer t-456"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("token holder", body.GetProperty("name").GetString());
        Assert.InRange(body.GetProperty("elapsed").GetDouble(), 0, 10);
    }

    [Fact]
    public async Task CustomRequirementIsA403NeverASilent200()
    {
        var (response, body) = await Get("/work", ("X-Day", "sunday"), ("X-Tenant", "acme"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Closed at weekends", JsonAssert.Error(body, "Forbidden"));
        (response, body) = await Get("/work", ("X-Day", "monday"), ("X-Tenant", "acme"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("working for acme via Http", body.GetString());
    }

    [Fact]
    public async Task AuthenticationComesBeforeValidation()
    {
        var api = new HugApi();
        api.Http.Requires(Authentication.Bearer(token => token == "t" ? "u" : null)).Get("/double", (int n) => n * 2);
        await using var guarded = await HugServer.StartAsync(api);
        var (response, _) = await HugServer.ReadAsync(await guarded.Client.GetAsync("/double?n=x"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var request = new HttpRequestMessage(HttpMethod.Get, "/double?n=4");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "t");
        Assert.Equal("8", await (await guarded.Client.SendAsync(request)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DocumentationListsRequirementsAndHidesDirectives()
    {
        var (_, docs) = await Get("/");
        var handlers = docs.GetProperty("handlers");
        Assert.Equal("Basic HTTP Authentication", handlers.GetProperty("/hello").GetProperty("GET").GetProperty("requires")[0].GetString());
        Assert.Equal("Open on weekdays", handlers.GetProperty("/work").GetProperty("GET").GetProperty("requires")[0].GetString());
        Assert.False(handlers.GetProperty("/ping").GetProperty("GET").TryGetProperty("requires", out _));
        foreach (var url in new[] { "/hello", "/me", "/work" })
            Assert.False(handlers.GetProperty(url).GetProperty("GET").TryGetProperty("inputs", out _), url);
    }
}
