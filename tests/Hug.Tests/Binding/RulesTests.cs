using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Hug.Testing;

namespace Hug.Tests.Binding;

public static class RulesApi
{
    [Get, Cli]
    public static int Pick([Range(1, 10, MaximumIsExclusive = true)] int n) => n;

    [Get, Cli]
    public static string Name([AllowedValues("ann", "bob")] string name) => name;

    [Get, Cli]
    public static string Code([StringLength(5, MinimumLength = 2)] string code, [Range(0, 100, ErrorMessage = "Pick a percentage")] int percent = 50) => code;
}

/// <summary>DataAnnotations in one wording everywhere (docs, page, help, OpenAPI) and hug-style messages naming the value and the limit.</summary>
public sealed class RulesTests
{
    [Theory]
    [InlineData("/pick?n=10", "n", "'10' reaches the limit of 10")]
    [InlineData("/pick?n=0", "n", "'0' is less than the lower limit 1")]
    [InlineData("/name?name=cy", "name", "'cy' is not one of the allowed values: ann, bob")]
    [InlineData("/code?code=x", "code", "'x' is shorter than 2 characters")]
    [InlineData("/code?code=abcdef", "code", "'abcdef' is longer than 5 characters")]
    [InlineData("/code?code=abc&percent=200", "percent", "Pick a percentage")] // the attribute's own message wins
    public async Task AFailedRuleNamesTheValueAndTheLimit(string url, string parameter, string message)
    {
        await using var host = await HugTestHost.StartAsync(new HugApi().AddType(typeof(RulesApi)));
        var response = await host.Client.RequestAsync(url.Split('?')[0].TrimStart('/'),
            url.Split('?')[1].Split('&').ToDictionary(p => p.Split('=')[0], p => (object?)p.Split('=')[1]));
        Assert.Equal(400, response.Status);
        Assert.Equal([message], response.Errors[parameter]);
        using var http = host.CreateHttpClient();
        using var direct = await http.GetAsync(url);
        Assert.Contains(JsonSerializer.Serialize(message, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }),
            await direct.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task EveryDocumentSaysTheRuleInOneWording()
    {
        const string rule = "A whole number greater or equal to 1 and less than 10";
        var api = new HugApi().AddType(typeof(RulesApi));
        await using var host = await HugTestHost.StartAsync(api);
        using var http = host.CreateHttpClient();
        var docs = JsonDocument.Parse(await http.GetStringAsync("/")).RootElement;
        Assert.Equal(rule, docs.GetProperty("handlers").GetProperty("/pick").GetProperty("GET").GetProperty("inputs").GetProperty("n").GetProperty("type").GetString());
        Assert.Equal("Basic text / string value one of ann, bob",
            docs.GetProperty("handlers").GetProperty("/name").GetProperty("GET").GetProperty("inputs").GetProperty("name").GetProperty("type").GetString());
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.TryAddWithoutValidation("Accept", "text/html");
        Assert.Contains(rule, await (await http.SendAsync(request)).Content.ReadAsStringAsync());
        var help = await HugCommandLineRunner.RunAsync(api, "pick", "--help");
        Assert.Contains(rule, help.Output);
        var schema = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json")).RootElement
            .GetProperty("paths").GetProperty("/pick").GetProperty("get").GetProperty("parameters")[0].GetProperty("schema");
        Assert.Equal(1, schema.GetProperty("minimum").GetInt32());
        Assert.Equal(10, schema.GetProperty("exclusiveMaximum").GetInt32());
        var name = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json")).RootElement
            .GetProperty("paths").GetProperty("/name").GetProperty("get").GetProperty("parameters")[0].GetProperty("schema");
        Assert.Equal(["ann", "bob"], name.GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
    }
}
