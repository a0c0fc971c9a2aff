using Hug.Tests.Support;
using Xunit.Abstractions;

namespace Hug.Tests.Aot;

/// <summary>
/// examples/Addition as a Native AOT binary (issue 17): its commands and its server behave as under the JIT, and
/// the publish gives no trimming or AOT warning (it treats warnings as errors; a new one fails here, listed).
/// </summary>
[Collection("Native AOT")]
public sealed class NativeAdditionTests(ITestOutputHelper output)
{
    private Task<string> BinaryAsync() => NativeApp.BinaryAsync("Addition", output);

    private static Task<(int Exit, string Output, string Error)> RunAsync(string binary, params string[] args) => NativeApp.RunAsync(binary, args);

    [NativeFact]
    public async Task ItsCommandsRunAsUnderTheJit()
    {
        var binary = await BinaryAsync();
        Assert.Equal((0, "3\n", ""), await RunAsync(binary, "add", "1", "2"));
        Assert.Equal((0, "3\n", ""), await RunAsync(binary, "add", "1", "2", "--format", "json"));
        var invalid = await RunAsync(binary, "add", "x", "2");
        Assert.Equal(2, invalid.Exit);
        Assert.StartsWith("number_1: Invalid whole number provided", invalid.Error);
        var help = await RunAsync(binary, "add", "--help");
        Assert.Equal(0, help.Exit);
        Assert.Contains("<number_1>  A whole number", help.Output);
    }

    [NativeFact]
    public async Task ItServesAsUnderTheJit()
    {
        var binary = await BinaryAsync();
        await using var server = ExampleProcess.StartNative(binary, null, "serve", "--host", "127.0.0.1", "--port", "0");
        using var http = new HttpClient { BaseAddress = await server.WaitForAddressAsync() };
        Assert.Equal("3", await http.GetStringAsync("/add?number_1=1&number_2=2"));
        using var invalid = await http.GetAsync("/add?number_1=1&number_2=x");
        Assert.Equal(400, (int)invalid.StatusCode);
        Assert.Contains("\"number_2\":[\"Invalid whole number provided\"]", await invalid.Content.ReadAsStringAsync());
        Assert.Contains("\"handlers\"", await http.GetStringAsync("/"));
        using var missing = await http.GetAsync("/no-such-route");
        Assert.Equal(404, (int)missing.StatusCode);
        Assert.Contains("Returns the result of adding number_1 to number_2", await missing.Content.ReadAsStringAsync());
        // The OpenAPI document and the page, which need generated JSON metadata and no reflection.
        var openApi = await http.GetStringAsync("/openapi/v1.json");
        Assert.Contains("\"/add\"", openApi);
        Assert.Contains("HttpValidationProblemDetails", openApi);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.TryAddWithoutValidation("Accept", "text/html");
        Assert.Contains("<code>add &lt;number_1&gt; &lt;number_2&gt;</code>", await (await http.SendAsync(request)).Content.ReadAsStringAsync());
    }
}
