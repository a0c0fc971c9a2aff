using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Hug.Tests.Support;

namespace Hug.Tests.Hosting;

/// <summary><c>serve</c> over HTTPS with a configured certificate (HTTP/2 by ALPN), and cleartext HTTP/2 by option: real processes, real clients.</summary>
public sealed class HttpsProcessTests
{
    [Fact]
    public async Task ServesHttpsWithAConfiguredCertificateAndHttp2ByAlpn()
    {
        using var certificate = Certificate.Create();
        await using var serve = ExampleProcess.Start("Addition", certificate.Environment, "serve", "--urls", "https://127.0.0.1:0");
        var address = await serve.WaitForAddressAsync();
        Assert.Equal("https", address.Scheme);
        using var client = certificate.Client(address, HttpVersion.Version20);
        using var response = await client.GetAsync("/add?number_1=1&number_2=2");
        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal("3", await response.Content.ReadAsStringAsync());
        using var http11 = certificate.Client(address, HttpVersion.Version11);
        using var older = await http11.GetAsync("/add?number_1=1&number_2=2");
        Assert.Equal(HttpVersion.Version11, older.Version);
        Assert.Equal("3", await older.Content.ReadAsStringAsync());
    }

    [CurlFact]
    public async Task CurlNegotiatesHttp2OverTls()
    {
        using var certificate = Certificate.Create();
        await using var serve = ExampleProcess.Start("Addition", certificate.Environment, "serve", "--urls", "https://127.0.0.1:0");
        var address = await serve.WaitForAddressAsync();
        var (exit, output) = await Curl.RunAsync("-s", "--http2", "--cacert", certificate.PemPath, "-w", " %{http_version}",
            $"https://localhost:{address.Port}/add?number_1=1&number_2=2");
        Assert.Equal(0, exit);
        Assert.Equal("3 2", output);
    }

    [Fact]
    public async Task CleartextHttp2IsAnOption()
    {
        await using var serve = ExampleProcess.Start("Addition", null, "serve", "--host", "127.0.0.1", "--port", "0", "--http2");
        var address = await serve.WaitForAddressAsync();
        using var client = new HttpClient { BaseAddress = address, DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var response = await client.GetAsync("/add?number_1=1&number_2=2");
        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal("3", await response.Content.ReadAsStringAsync());
    }

    [CurlFact]
    public async Task CurlSpeaksCleartextHttp2WithPriorKnowledge()
    {
        await using var serve = ExampleProcess.Start("Addition", null, "serve", "--host", "127.0.0.1", "--port", "0", "--http2");
        var address = await serve.WaitForAddressAsync();
        var (exit, output) = await Curl.RunAsync("-s", "--http2-prior-knowledge", "-w", " %{http_version}", new Uri(address, "/add?number_1=1&number_2=2").ToString());
        Assert.Equal(0, exit);
        Assert.Equal("3 2", output);
    }

    /// <summary>A self-signed certificate for localhost and 127.0.0.1, given to Kestrel through its configuration (environment variables).</summary>
    private sealed class Certificate : IDisposable
    {
        private readonly string directory;
        private readonly X509Certificate2 certificate;

        private Certificate(string directory, X509Certificate2 certificate)
        {
            this.directory = directory;
            this.certificate = certificate;
        }

        public string PemPath => Path.Combine(directory, "certificate.pem");

        public Dictionary<string, string> Environment => new()
        {
            ["Kestrel__Certificates__Default__Path"] = Path.Combine(directory, "certificate.pfx"),
            ["Kestrel__Certificates__Default__Password"] = "test-only",
        };

        public static Certificate Create()
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
            var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
            var directory = Directory.CreateTempSubdirectory("hug-tls-").FullName;
            File.WriteAllBytes(Path.Combine(directory, "certificate.pfx"), certificate.Export(X509ContentType.Pfx, "test-only"));
            File.WriteAllText(Path.Combine(directory, "certificate.pem"), certificate.ExportCertificatePem());
            return new Certificate(directory, certificate);
        }

        /// <summary>A client trusting this certificate only, asking for <paramref name="version"/> exactly.</summary>
        public HttpClient Client(Uri address, Version version)
        {
            var handler = new SocketsHttpHandler();
            handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetCertHashString() == certificate.GetCertHashString();
            return new HttpClient(handler) { BaseAddress = address, DefaultRequestVersion = version, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        }

        public void Dispose()
        {
            certificate.Dispose();
            Directory.Delete(directory, recursive: true);
        }
    }
}

/// <summary>
/// <c>&lt;HugHttps&gt;false&lt;/HugHttps&gt;</c> and <c>&lt;HugOpenApi&gt;false&lt;/HugOpenApi&gt;</c>: a program built without
/// HTTPS says so for https://, one built without OpenAPI publishes no document, and both serve http:// as before.
/// </summary>
public sealed class BuiltWithoutTests
{
    [Fact]
    public async Task AProgramBuiltWithoutHttpsAndOpenApiSaysSoAndServes()
    {
        var artifacts = Directory.CreateTempSubdirectory("hug-no-https-").FullName;
        try
        {
            // Its own artifacts path: the repository's bin/ and obj/ (other tests build there) are untouched.
            var (built, log) = await Processes.RunAsync("dotnet",
                ["build", "examples/Addition/Addition.csproj", "-p:HugHttps=false", "-p:HugOpenApi=false", "--artifacts-path", artifacts, "-nologo"],
                ExampleProcess.RepositoryRoot, TimeSpan.FromMinutes(5));
            Assert.True(built == 0, log);
            var dll = Directory.EnumerateFiles(artifacts, "Addition.dll", SearchOption.AllDirectories).Single(f => f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));
            var runtimeConfig = await File.ReadAllTextAsync(Path.ChangeExtension(dll, ".runtimeconfig.json"));
            Assert.Contains("\"Hug.Serve.Https\": false", runtimeConfig);
            Assert.Contains("\"Hug.Serve.OpenApi\": false", runtimeConfig);

            await using var https = ExampleProcess.StartDll(dll, null, "serve", "--urls", "https://127.0.0.1:0");
            Assert.Equal(2, await https.WaitForExitAsync());
            Assert.Contains("built without (<HugHttps>false</HugHttps>)", https.ErrorLine);

            await using var http = ExampleProcess.StartDll(dll, null, "serve", "--host", "127.0.0.1", "--port", "0");
            using var client = new HttpClient { BaseAddress = await http.WaitForAddressAsync() };
            Assert.Equal("3", await client.GetStringAsync("/add?number_1=1&number_2=2"));
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/openapi/v1.json")).StatusCode);
            using var page = new HttpRequestMessage(HttpMethod.Get, "/");
            page.Headers.Accept.ParseAdd("text/html");
            var html = await (await client.SendAsync(page)).Content.ReadAsStringAsync();
            Assert.Contains("Returns the result of adding", html);
            Assert.DoesNotContain("/openapi/v1.json", html); // the page links no document that is not there
        }
        finally
        {
            Directory.Delete(artifacts, recursive: true);
        }
    }
}
