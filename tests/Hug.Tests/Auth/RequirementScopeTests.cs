using System.Net;
using System.Net.Http.Headers;
using Hug.Tests.Support;

namespace Hug.Tests.Auth;

/// <summary>Where requirements are declared (class, router), async verify functions, and scoping.</summary>
public sealed class RequirementScopeTests
{
    private static HugApi Api() => new HugApi()
        .AddRequirement("async-token", Authentication.Bearer(async (token, cancellationToken) =>
        {
            await Task.Delay(1, cancellationToken);
            return token == "t" ? "async user" : null;
        }))
        .AddRequirement("cli-only", Requirement.From("Local operators only", async call =>
        {
            await Task.Yield();
            return call.Credential("token") == "operator";
        }, "Operators only").Only(HugInterfaces.Cli))
        .AddType(typeof(Guarded));

    [Fact]
    public async Task ClassLevelRequirementCoversEveryMethod()
    {
        await using var server = await HugServer.StartAsync(Api());
        foreach (var url in new[] { "/one", "/two" })
        {
            var (response, _) = await HugServer.ReadAsync(await server.Client.GetAsync(url));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "t");
            Assert.Equal($"\"{url[1..]} for async user\"", await (await server.Client.SendAsync(request)).Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task CliScopedRequirementDoesNotApplyOverHttpAndViceVersa()
    {
        await using var server = await HugServer.StartAsync(Api());
        var request = new HttpRequestMessage(HttpMethod.Get, "/one");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "t");
        Assert.Equal(HttpStatusCode.OK, (await server.Client.SendAsync(request)).StatusCode);

        var refused = await CliRun.RunAsync(Api(), "one", "--token", "t");
        Assert.Equal((1, "Forbidden: Operators only\n"), (refused.Exit, refused.Error));
        var (exit, output, _) = await CliRun.RunAsync(Api(), "two", "--token", "t");
        Assert.Equal((0, "two for async user\n"), (exit, output));
    }

    [Fact]
    public async Task DirectivesAreNeverCommandOptions()
    {
        var (_, output, _) = await CliRun.RunAsync(Api(), "one", "--help");
        Assert.Contains("--token", output);
        Assert.DoesNotContain("--user", output);
        Assert.DoesNotContain("--timer", output);
    }

    [Requires("async-token")]
    public static class Guarded
    {
        [Get("/one"), Cli, Requires("cli-only")]
        public static string One([User] string user, HugTimer timer) => $"one for {user}";

        [Get("/two"), Cli]
        public static string Two([User] string user) => $"two for {user}";
    }
}

public sealed class SecretEqualsTests
{
    [Theory]
    [InlineData("s3cret", "s3cret", true)]
    [InlineData("s3cret", "s3creT", false)]
    [InlineData("", "s3cret", false)]
    [InlineData(null, "s3cret", false)]
    [InlineData("s3cret", null, false)]
    [InlineData("a-much-longer-given-secret", "short", false)]
    public void ComparesWholeSecrets(string? given, string? expected, bool equal) =>
        Assert.Equal(equal, Authentication.SecretEquals(given, expected));
}
