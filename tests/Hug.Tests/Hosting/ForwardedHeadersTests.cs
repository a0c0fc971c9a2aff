using Hug.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Hug.Tests.Hosting;

/// <summary>
/// Behind a proxy (issue 23): with ASP.NET Core's switch on (<c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c>, here the
/// same setting as an argument) the client's scheme and address come from X-Forwarded-Proto and X-Forwarded-For; off,
/// the headers are ignored (a client cannot claim another address).
/// </summary>
public sealed class ForwardedHeadersTests
{
    public static class Origin
    {
        [Get("/origin")]
        public static string Of(HttpRequest request) => $"{request.Scheme} {request.HttpContext.Connection.RemoteIpAddress}";
    }

    [Theory]
    [InlineData(true, "https 203.0.113.7")]
    [InlineData(false, "http 127.0.0.1")]
    public async Task TheProxysHeadersCountOnlyWhenSwitchedOn(bool enabled, string expected)
    {
        string[] args = enabled ? ["--FORWARDEDHEADERS_ENABLED=true"] : [];
        await using var app = HugWebHost.Build(new HugApi().AddType(typeof(Origin)), args, new ServeSettings("http://127.0.0.1:0"), listen: true, WebHostExtension.None);
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/origin")
        {
            Headers = { { "X-Forwarded-Proto", "https" }, { "X-Forwarded-For", "203.0.113.7" } },
        };
        var answer = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Equal($"\"{expected}\"", answer);
    }
}
