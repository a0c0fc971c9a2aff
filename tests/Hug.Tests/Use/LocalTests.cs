using Hug.Tests.Http;

namespace Hug.Tests.Use;

/// <summary>The Local interface as a user calls it (the README's snippet, credentials, versions, mistakes).</summary>
public sealed class LocalTests
{
    [Fact]
    public async Task TheReadmeCallsWork()
    {
        var api = new HugApi().AddType(typeof(Addition));
        Assert.Equal(3, await api.Local.CallAsync<int>("add", new { number_1 = 1, number_2 = 2 }));
        var error = await Assert.ThrowsAsync<HugValidationException>(() => api.Local.CallAsync("add", new { number_1 = "x", number_2 = 2 }));
        Assert.Equal(400, error.Status);
        Assert.Equal("Invalid whole number provided", Assert.Single(error.Errors["number_1"]));
    }

    [Fact]
    public async Task CredentialsAreGivenOnceOnTheInterface()
    {
        var api = new HugApi().AddType(typeof(Accounts));
        Accounts.Configure(api);
        var refused = await Assert.ThrowsAsync<HugRequirementException>(() => api.Local.CallAsync<string>("hello"));
        Assert.Equal(401, refused.Status);
        Assert.Equal("Please provide valid Basic HTTP Authentication credentials", Assert.Single(refused.Errors["Authentication Required"]));

        var ann = api.Local.WithCredentials(name => name switch { "username" => "ann", "password" => "s3cret", _ => null });
        Assert.Equal("Hello, ann", await ann.CallAsync<string>("hello"));
        // A requirement scoped to HTTP leaves Local calls free; the interface directive says Local.
        Assert.Equal("working for nobody via Local", await api.Local.CallAsync<string>("work"));
    }

    [Fact]
    public async Task AVersionChoosesTheEndpointServingIt()
    {
        var api = new HugApi();
        api.Http.Versions(1).Get("/echo", (string text) => "v1 " + text);
        api.Http.Versions(2).Get("/echo", (string text) => "v2 " + text);
        Assert.Equal("v2 hi", await api.Local.WithVersion(2).CallAsync<string>("echo", new Dictionary<string, object?> { ["text"] = "hi" }));
    }

    [Fact]
    public async Task MistakesNameWhatIsWrong()
    {
        var api = new HugApi().AddType(typeof(Addition));
        var unknown = await Assert.ThrowsAsync<ArgumentException>(() => api.Local.CallAsync("subtract"));
        Assert.Contains("'subtract'", unknown.Message);
        var cast = await Assert.ThrowsAsync<InvalidCastException>(() => api.Local.CallAsync<string>("add", new { number_1 = 1, number_2 = 2 }));
        Assert.Contains("Int32", cast.Message);
    }
}
