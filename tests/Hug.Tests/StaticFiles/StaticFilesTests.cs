using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Hug.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Hug.Tests.StaticFiles;

/// <summary><c>api.Http.Static("/assets", folder)</c> on a real Kestrel: files, caching, ranges, and nothing outside the folder.</summary>
public sealed class StaticFilesTests : IAsyncLifetime
{
    private readonly string parent = Directory.CreateTempSubdirectory("hug-static-").FullName;
    private string Folder => Path.Combine(parent, "wwwroot");
    private HugServer server = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(Folder, "docs"));
        await File.WriteAllTextAsync(Path.Combine(Folder, "site.css"), "body { color: teal; }");
        await File.WriteAllTextAsync(Path.Combine(Folder, "docs", "index.html"), "<h1>Docs</h1>");
        await File.WriteAllTextAsync(Path.Combine(Folder, ".env"), "SECRET=1");
        await File.WriteAllTextAsync(Path.Combine(parent, "secret.txt"), "outside");
        if (!OperatingSystem.IsWindows())
        {
            File.CreateSymbolicLink(Path.Combine(Folder, "outside.txt"), Path.Combine(parent, "secret.txt"));
            Directory.CreateSymbolicLink(Path.Combine(Folder, "up"), parent);
            File.CreateSymbolicLink(Path.Combine(Folder, "style.css"), Path.Combine(Folder, "site.css"));
        }
        server = await HugServer.StartAsync(api =>
        {
            api.Http.Get("/add", (int a, int b) => a + b);
            api.Http.Static("/assets", Folder);
        });
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        Directory.Delete(parent, recursive: true);
    }

    /// <summary>Issue 35, point 10: OPTIONS was an empty 405 here (204 with Allow everywhere else), other methods an empty 405.</summary>
    [Fact]
    public async Task OtherMethodsAnswerAsOnEveryOtherUrl()
    {
        using var options = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/assets/site.css"));
        Assert.Equal(HttpStatusCode.NoContent, options.StatusCode);
        Assert.Equal(["GET", "HEAD", "OPTIONS"], options.Content.Headers.Allow);
        foreach (var method in new[] { HttpMethod.Post, HttpMethod.Delete, new HttpMethod("PROPFIND") })
        {
            using var other = await server.Client.SendAsync(new HttpRequestMessage(method, "/assets/site.css"));
            Assert.Equal(HttpStatusCode.MethodNotAllowed, other.StatusCode);
            Assert.Equal("application/problem+json", other.Content.Headers.ContentType!.MediaType);
            Assert.Contains($"{method.Method} is not allowed on /assets/site.css", await other.Content.ReadAsStringAsync());
        }
        Assert.Equal("body { color: teal; }", await server.Client.GetStringAsync("/assets/site.css")); // GET still serves
    }

    [Fact]
    public async Task ServesFilesWithTheirTypeAndValidators()
    {
        using var response = await server.Client.GetAsync("/assets/site.css");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("body { color: teal; }", await response.Content.ReadAsStringAsync());
        Assert.NotNull(response.Headers.ETag);
        Assert.NotNull(response.Content.Headers.LastModified);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/assets/site.css");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await server.Client.SendAsync(again)).StatusCode);
        Assert.Equal("3", await server.Client.GetStringAsync("/add?a=1&b=2"));
    }

    [Fact]
    public async Task AnswersRangesAndHead()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/assets/site.css");
        request.Headers.Range = new RangeHeaderValue(0, 3);
        using var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("body", await response.Content.ReadAsStringAsync());
        using var head = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/assets/site.css"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(21, head.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task AFolderServesItsIndex()
    {
        using var redirect = await new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.Client.BaseAddress }.GetAsync("/assets/docs");
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.Equal("<h1>Docs</h1>", await server.Client.GetStringAsync("/assets/docs/"));
    }

    [Fact]
    public async Task AMissingFileIsTheApisNotFound()
    {
        using var response = await server.Client.GetAsync("/assets/missing.css");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("/add", await response.Content.ReadAsStringAsync()); // the documentation 404
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync("/assets/.env")).StatusCode);
    }

    [Theory]
    [InlineData("/assets/../secret.txt")]
    [InlineData("/assets/%2e%2e/secret.txt")]
    [InlineData("/assets/%2E%2E%2Fsecret.txt")]
    [InlineData("/assets/..%2fsecret.txt")]
    [InlineData("/assets/..%5csecret.txt")]
    [InlineData("/assets/docs/../../secret.txt")]
    [InlineData("/assets//" + "etc/passwd")]
    [InlineData("/assets/%2fetc%2fpasswd")]
    [InlineData("/assets/" + "%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd")]
    public async Task NothingOutsideTheFolderIsReachable(string target)
    {
        // Sent as written (HttpClient would resolve the dots itself).
        var (status, body) = await RawGetAsync(target);
        Assert.NotEqual(200, status);
        Assert.DoesNotContain("outside", body);
        Assert.DoesNotContain("root:", body);
    }

    [Fact]
    public async Task ALinkPointingOutsideIsRefusedOneInsideIsServed()
    {
        if (OperatingSystem.IsWindows()) return; // symbolic links need a privilege there
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync("/assets/outside.txt")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync("/assets/up/secret.txt")).StatusCode);
        Assert.Equal("body { color: teal; }", await server.Client.GetStringAsync("/assets/style.css"));
    }

    [Fact]
    public async Task TheDocumentationListsTheFolder()
    {
        var (_, documentation) = await server.GetJsonAsync("/");
        Assert.Equal("/assets/", documentation.GetProperty("static")[0].GetString());
        using var page = new HttpRequestMessage(HttpMethod.Get, "/");
        page.Headers.Accept.ParseAdd("text/html");
        Assert.Contains("<h2 id=\"static\">Static files</h2>", await (await server.Client.SendAsync(page)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WorksInAnAppsOwnMapHug()
    {
        var api = new HugApi();
        api.Http.Static("/files", Folder);
        await using var app = await AppServer.StartAsync(builder => builder.Services.AddHug(api), web => web.MapHug());
        Assert.Equal("body { color: teal; }", await app.Client.GetStringAsync("/files/site.css"));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync("/files/../secret.txt")).StatusCode);
    }

    [Fact]
    public async Task AMissingFolderIsAStartUpError()
    {
        var api = new HugApi();
        api.Http.Get("/add", (int a, int b) => a + b);
        api.Http.Static("/assets", Path.Combine(parent, "nowhere"));
        var error = Assert.Throws<HugConfigurationException>(() => HugWebHost.Build(api, urls: "http://127.0.0.1:0"));
        Assert.Contains("'/assets'", error.Message);
        Assert.Contains("nowhere", error.Message);
    }

    [Fact]
    public void APrefixIsNotATemplateAndServesOneFolder()
    {
        var api = new HugApi();
        Assert.Throws<HugConfigurationException>(() => api.Http.Static("/files/{name}", Folder));
        api.Http.Static("/assets", Folder);
        Assert.Throws<HugConfigurationException>(() => api.Http.Static("assets/", Folder));
    }

    private Task<(int Status, string Response)> RawGetAsync(string target) => RawHttp.SendAsync(server.Client.BaseAddress!, "GET", target);
}
