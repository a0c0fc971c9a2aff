using Hug.Hosting;

namespace Hug.Tests.Hosting;

/// <summary>What <c>serve</c> may listen on: localhost, IP addresses, <c>*</c> and <c>+</c>; never a host name (Kestrel would listen everywhere).</summary>
public sealed class ListenAddressesTests
{
    [Theory]
    [InlineData("http://localhost:8000")]
    [InlineData("https://LOCALHOST:8443/")]
    [InlineData("http://127.0.0.1:0")]
    [InlineData("http://[::1]:8000")]
    [InlineData("http://[::]:8000")]
    [InlineData("http://0.0.0.0:80")]
    [InlineData("http://*:8000")]
    [InlineData("http://+:8000")]
    [InlineData("http://127.0.0.1")]
    [InlineData("http://unix:/run/hug.sock")]
    [InlineData("http://127.0.0.1:8000; https://127.0.0.1:8443")]
    public void Accepts(string urls) => Assert.Null(ListenAddresses.CheckUrls(urls));

    [Theory]
    [InlineData("http://locahost:8000", "names a host: 'locahost' is not localhost")]
    [InlineData("http://127.0.0.l:8000", "'127.0.0.l' is not localhost")]
    [InlineData("http://example.com", "'example.com' is not localhost")]
    [InlineData("127.0.0.1:8000", "is not a URL")]
    [InlineData("ws://127.0.0.1:8000", "only http and https")]
    [InlineData("http://[::1:8000", "unclosed '['")]
    [InlineData("http://127.0.0.1:80x", "has the port '80x'")]
    [InlineData("http://127.0.0.1:8000/api", "has a path ('/api')")]
    [InlineData("http://:8000", "names no host")]
    [InlineData(" ; ", "names no URL")]
    public void Refuses(string urls, string problem) => Assert.Contains(problem, ListenAddresses.CheckUrls(urls));

    [Fact]
    public void CleartextPortsAreThoseOfHttpUrls() =>
        Assert.Equal([8080, 80, 0], ListenAddresses.CleartextPorts("http://127.0.0.1:8080;https://127.0.0.1:8443;http://localhost;http://[::1]:0"));

    [Fact]
    public void ThePublicBuildRefusesAHostNameAsAnArgumentError()
    {
        var api = new HugApi();
        api.Http.Get("/add", (int a, int b) => a + b);
        var error = Assert.ThrowsAny<ArgumentException>(() => HugWebHost.Build(api, host: "locahost", port: 0));
        Assert.Contains("'locahost' is not localhost", error.Message);
    }
}
