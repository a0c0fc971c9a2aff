using System.Net;
using Hug.Tests.Support;

namespace Hug.Tests.Hosting;

/// <summary>
/// Security headers by default (issue 35, point 11): no <c>Server: Kestrel</c>, <c>nosniff</c> on every answer, and the
/// documentation page under a strict policy that still lets it render (its one style sheet, by hash); each off with
/// <see cref="HugOptions.SecurityHeaders"/> = false.
/// </summary>
public sealed class SecurityHeadersTests
{
    public static class Api
    {
        /// <summary>Adds</summary>
        [Get]
        public static int Add(int a, int b) => a + b;
    }

    [Fact]
    public async Task EveryAnswerSaysNosniffAndNotWhatServesIt()
    {
        await using var server = await HugServer.StartAsync(new HugApi().AddType(typeof(Api)));
        foreach (var url in new[] { "/add?a=1&b=2", "/add?a=x", "/nowhere", "/" })
        {
            using var answer = await server.Client.GetAsync(url);
            Assert.False(answer.Headers.Contains("Server"), url);
            Assert.Equal("nosniff", Assert.Single(answer.Headers.GetValues("X-Content-Type-Options")));
        }
    }

    [Fact]
    public async Task ThePageHasAStrictPolicyThatAllowsItsOwnStyle()
    {
        await using var server = await HugServer.StartAsync(new HugApi().AddType(typeof(Api)));
        foreach (var (url, status) in new[] { ("/", HttpStatusCode.OK), ("/nowhere", HttpStatusCode.NotFound) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { { "Accept", "text/html" } } };
            using var page = await server.Client.SendAsync(request);
            Assert.Equal(status, page.StatusCode);
            var policy = Assert.Single(page.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'none'", policy);
            Assert.Contains("frame-ancestors 'none'", policy);
            // The hash names the page's own <style>: the browser applies it and nothing else.
            var html = await page.Content.ReadAsStringAsync();
            var style = html[(html.IndexOf("<style>", StringComparison.Ordinal) + 7)..html.IndexOf("</style>", StringComparison.Ordinal)];
            var hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(style)));
            Assert.Contains($"style-src 'sha256-{hash}'", policy);
        }
    }

    [Fact]
    public async Task TheyAreOneSwitch()
    {
        await using var server = await HugServer.StartAsync(new HugApi(new HugOptions { SecurityHeaders = false }).AddType(typeof(Api)));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { { "Accept", "text/html" } } };
        using var page = await server.Client.SendAsync(request);
        Assert.False(page.Headers.Contains("Content-Security-Policy"));
        Assert.False(page.Headers.Contains("X-Content-Type-Options"));
        Assert.Equal("Kestrel", Assert.Single(page.Headers.GetValues("Server")));
    }
}
