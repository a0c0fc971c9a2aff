using System.Net;
using Hug.Tests.Support;

namespace Hug.Tests.Examples;

/// <summary>examples/Addition run as a user runs it: a real process serving real HTTP.</summary>
public sealed class AdditionExampleTests
{
    [Fact]
    public async Task ServesAddsDocumentsAndStopsGracefully()
    {
        await using var example = ExampleProcess.Serve("Addition");
        var address = await example.WaitForAddressAsync();
        Assert.Contains("A simple API to enable adding two numbers together", example.Output);
        using var client = new HttpClient { BaseAddress = address };
        Assert.Equal("3", await client.GetStringAsync("/add?number_1=1&number_2=2"));
        var invalid = await client.GetAsync("/add?number_1=x&number_2=2");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("Invalid whole number provided", await invalid.Content.ReadAsStringAsync());
        Assert.Contains("/add?number_1=1&number_2=2", await client.GetStringAsync("/"));
        example.Terminate();
        Assert.Equal(0, await example.WaitForExitAsync());
        Assert.DoesNotContain("Exception", example.Error);
    }

    [Fact]
    public async Task HonoursAspNetCoreUrls()
    {
        await using var example = ExampleProcess.Start("Addition", new Dictionary<string, string> { ["ASPNETCORE_URLS"] = "http://127.0.0.1:0" }, "serve");
        var address = await example.WaitForAddressAsync();
        Assert.Equal("127.0.0.1", address.Host);
        using var client = new HttpClient { BaseAddress = address };
        Assert.Equal("5", await client.GetStringAsync("/add?number_1=2&number_2=3"));
    }

    [Fact]
    public async Task UrlsOption()
    {
        await using var example = ExampleProcess.Start("Addition", null, "serve", "--urls", "http://127.0.0.1:0", "--no-404-documentation");
        var address = await example.WaitForAddressAsync();
        using var client = new HttpClient { BaseAddress = address };
        var missing = await client.GetAsync("/nothing");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.DoesNotContain("documentation", await missing.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ConflictingServeOptionsAreAUsageError()
    {
        await using var example = ExampleProcess.Start("Addition", null, "serve", "--urls", "http://127.0.0.1:0", "--port", "1");
        Assert.NotEqual(0, await example.WaitForExitAsync());
        Assert.Contains("--urls cannot be combined", example.Error);
    }
}
