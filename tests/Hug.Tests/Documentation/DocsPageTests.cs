extern alias AdditionExample;
using Hug.Testing;
using Hug.Tests.Support;

namespace Hug.Tests.Documentation;

public static class MarkupApi
{
    /// <summary>Echoes &lt;script&gt;alert(1)&lt;/script&gt; back</summary>
    [Get("/echo"), Cli]
    public static string Echo(string text, int times = 1, bool loud = false) => text;
}

/// <summary>The documentation page for people: what browsers get at / and in a 404; JSON clients keep hug's JSON.</summary>
public sealed class DocsPageTests
{
    [Fact]
    public async Task BrowsersGetThePageAndJsonClientsTheJson()
    {
        var api = new HugApi().AddType(typeof(MarkupApi));
        api.Options.AllMethodsOverWebSocket = true;
        await using var host = await HugTestHost.StartAsync(api);
        using var http = host.CreateHttpClient();

        Assert.StartsWith("{", (await http.GetStringAsync("/")).TrimStart()); // curl and hug clients (*/*)
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        using var page = await http.SendAsync(request);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Accept", page.Headers.Vary);
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", html); // the API's own text is escaped
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("<code>echo &lt;text&gt; [--times &lt;times&gt;] [--loud]</code>", html); // the command's usage line
        Assert.Contains("<code>/calls</code>", html);
        Assert.Contains("href=\"/openapi/v1.json\"", html);
        Assert.DoesNotContain("<link", html); // self-contained: nothing fetched
        Assert.DoesNotContain("src=", html);

        using var missing = new HttpRequestMessage(HttpMethod.Get, "/nothing");
        missing.Headers.TryAddWithoutValidation("Accept", "text/html");
        using var notFound = await http.SendAsync(missing);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Contains("was not defined", await notFound.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheUsageLineIsTheCommandLines()
    {
        var help = await HugCommandLineRunner.RunAsync(new HugApi().AddType(typeof(MarkupApi)), "echo", "--help");
        Assert.Contains("<text>", help.Output);
        Assert.Contains("--times", help.Output);
        Assert.Contains("--loud", help.Output);
    }

    [ChromiumFact]
    public async Task AChromiumFollowsTheExampleLinkOfAdd()
    {
        await using var server = ExampleProcess.Serve("Addition");
        var address = await server.WaitForAddressAsync();
        await using var browser = await HeadlessChromium.StartAsync();
        var page = await browser.OpenAsync(address);
        await page.WaitForAsync("document.querySelector('h1').textContent.includes('adding two numbers')");
        var artifacts = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(artifacts, "docs-page.png"), await page.ScreenshotAsync(900, 700));
        await page.ScreenshotAsync(375, 700); // a phone's width: the page lays out without sideways scrolling
        Assert.Equal(true, (await page.EvaluateAsync("document.documentElement.scrollWidth <= window.innerWidth"))?.GetValue<bool>());
        await page.EvaluateAsync("document.querySelector('.example a').click()");
        await page.WaitForAsync("document.body.innerText.trim() === '3'");
    }
}

/// <summary>A record read as JSON is documented with its fields, their types and rules (JSON docs and page).</summary>
public sealed class RecordFieldsDocsTests
{
    [Fact]
    public async Task ARecordBodyListsItsFields()
    {
        var api = new HugApi();
        api.Http.Post("/people", (Person person) => person.Name);
        await using var host = await HugTestHost.StartAsync(api);
        using var http = host.CreateHttpClient();
        var fields = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/")).RootElement
            .GetProperty("handlers").GetProperty("/people").GetProperty("POST").GetProperty("inputs").GetProperty("person").GetProperty("fields");
        Assert.Equal("Basic text / string value of at most 20 characters", fields.GetProperty("name").GetString());
        Assert.Equal("A whole number greater or equal to 0 and less or equal to 150", fields.GetProperty("age").GetString());
        Assert.True(fields.TryGetProperty("address", out _));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.TryAddWithoutValidation("Accept", "text/html");
        Assert.Contains("<code>age</code> A whole number greater or equal to 0", await (await http.SendAsync(request)).Content.ReadAsStringAsync());
    }
}
