using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using Hug.Tests.Support;

namespace Hug.Tests.Hosting;

/// <summary><c>serve</c> as a real process: what it refuses, how it reports what it cannot do, and how it stops.</summary>
public sealed class ServeProcessTests
{
    [Theory]
    [InlineData("--host", "locahost", "'locahost' is not localhost, an IP address")]
    [InlineData("--host", "127.0.0.l", "'127.0.0.l' is not localhost")]
    [InlineData("--port", "abc", "--port: 'abc' is not a port")]
    [InlineData("--port", "70000", "--port: '70000' is not a port")]
    [InlineData("--urls", "http://example.com:8000", "'example.com' is not localhost")]
    [InlineData("--urls", "localhost:8000", "'localhost:8000' is not a URL")]
    [InlineData("--urls", "ftp://127.0.0.1:21", "only http and https")]
    [InlineData("--urls", "http://127.0.0.1:99999", "has the port '99999'")]
    [InlineData("--shutdown-timeout", "soon", "--shutdown-timeout: 'soon'")]
    public async Task ABadAddressOrSettingIsOneLineAndExit2(string option, string value, string message)
    {
        await using var serve = ExampleProcess.Start("Addition", null, "serve", option, value);
        Assert.Equal(2, await serve.WaitForExitAsync());
        Assert.Equal("", serve.Output);
        var line = serve.ErrorLine;
        Assert.Contains(message, line);
    }

    [Fact]
    public async Task AConfiguredUrlWithAHostNameIsRefusedToo()
    {
        await using var serve = ExampleProcess.Start("Addition", new Dictionary<string, string> { ["ASPNETCORE_URLS"] = "http://locahost:0" }, "serve");
        Assert.Equal(2, await serve.WaitForExitAsync());
        var line = serve.ErrorLine;
        Assert.StartsWith("serve: ASPNETCORE_URLS", line);
        Assert.Contains("'locahost' is not localhost", line);
    }

    [Fact]
    public async Task APortInUseIsOneLineAndExit1()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        await using var serve = ExampleProcess.Start("Addition", null, "serve", "--host", "127.0.0.1", "--port", port.ToString());
        Assert.Equal(1, await serve.WaitForExitAsync());
        var line = serve.ErrorLine;
        Assert.StartsWith("serve: cannot start: ", line);
        Assert.Contains($"127.0.0.1:{port}", line);
        Assert.DoesNotContain("Exception", serve.Error);
    }

    [Fact]
    public async Task HttpsWithoutACertificateIsOneLineAndExit1()
    {
        // A home of its own: no development certificate there, whatever this machine's user has.
        var home = Directory.CreateTempSubdirectory("hug-home-").FullName;
        try
        {
            await using var serve = ExampleProcess.Start("Addition", new Dictionary<string, string> { ["HOME"] = home, ["DOTNET_GENERATE_ASPNET_CERTIFICATE"] = "false" },
                "serve", "--urls", "https://127.0.0.1:0");
            Assert.Equal(1, await serve.WaitForExitAsync());
            var line = serve.ErrorLine;
            Assert.Contains("No server certificate", line);
            Assert.Contains("Kestrel:Certificates:Default:Path", line);
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    [Fact]
    public async Task StopsOnSigtermLettingAStreamFinishAndExits0()
    {
        await using var serve = ExampleProcess.Serve("Formats");
        var address = await serve.WaitForAddressAsync();
        using var client = new HttpClient { BaseAddress = address };
        // 200 items, 10 ms apart: the stream is still running when the signal comes.
        using var response = await client.GetAsync("/arrivals?count=200", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.NotNull(await reader.ReadLineAsync());
        serve.Terminate();
        var lines = 1;
        while (await reader.ReadLineAsync() is { Length: > 0 }) lines++;
        Assert.Equal(200, lines);
        Assert.Equal(0, await serve.WaitForExitAsync());
        Assert.Equal("", serve.Error);
    }

    [Fact]
    public async Task TheShutdownTimeoutBoundsHowLongStoppingWaits()
    {
        await using var serve = ExampleProcess.Start("Formats", null, "serve", "--host", "127.0.0.1", "--port", "0", "--shutdown-timeout", "1");
        var address = await serve.WaitForAddressAsync();
        using var client = new HttpClient { BaseAddress = address };
        // 100,000 items, 10 ms apart: far longer than the second stopping may take.
        using var response = await client.GetAsync("/arrivals?count=100000", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.NotNull(await reader.ReadLineAsync());
        serve.Terminate();
        Assert.Equal(0, await serve.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        var lines = 1;
        try
        {
            while (await reader.ReadLineAsync() is { Length: > 0 }) lines++;
        }
        catch (IOException)
        {
            // The connection was cut when the timeout ended: what it was for.
        }
        Assert.InRange(lines, 1, 99_999);
    }

    [Fact]
    public async Task WebSocketClientsAreToldTheServerIsGoingAway()
    {
        await using var serve = ExampleProcess.Serve("Chat");
        var address = await serve.WaitForAddressAsync();
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://{address.Authority}/chat?name=ann"), CancellationToken.None);
        var buffer = new byte[4096];
        var joined = await socket.ReceiveAsync(buffer, CancellationToken.None); // "ann joined"
        Assert.Equal(WebSocketMessageType.Text, joined.MessageType);
        serve.Terminate();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        WebSocketReceiveResult received;
        do received = await socket.ReceiveAsync(buffer, timeout.Token);
        while (received.MessageType != WebSocketMessageType.Close);
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, socket.CloseStatus);
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        Assert.Equal(0, await serve.WaitForExitAsync());
    }

    [Fact]
    public async Task AppSettingsAndTheEnvironmentsFileAreHonoured()
    {
        var directory = Directory.CreateTempSubdirectory("hug-settings-").FullName;
        try
        {
            // Hug quiets ASP.NET Core's start-up lines by default; the user's settings win over that default.
            await File.WriteAllTextAsync(Path.Combine(directory, "appsettings.json"),
                """{"Logging": {"LogLevel": {"Microsoft.Hosting.Lifetime": "Information"}}}""");
            await File.WriteAllTextAsync(Path.Combine(directory, "appsettings.Staging.json"), """{"urls": "http://127.0.0.1:0"}""");
            await using var serve = ExampleProcess.StartIn(directory, "Addition", new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Staging" }, "serve");
            var address = await serve.WaitForAddressAsync();
            Assert.Equal("127.0.0.1", address.Host);
            Assert.NotEqual(8000, address.Port);
            using var client = new HttpClient { BaseAddress = address };
            Assert.Equal("3", await client.GetStringAsync("/add?number_1=1&number_2=2"));
            Assert.Contains("Hosting environment: Staging", serve.Output);
            serve.Terminate();
            Assert.Equal(0, await serve.WaitForExitAsync());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task RequestsAreLoggedWithOneOption()
    {
        await using var serve = ExampleProcess.Start("Addition", null, "serve", "--host", "127.0.0.1", "--port", "0", "--log-requests");
        var address = await serve.WaitForAddressAsync();
        using var client = new HttpClient { BaseAddress = address };
        Assert.Equal("3", await client.GetStringAsync("/add?number_1=1&number_2=2"));
        serve.Terminate();
        Assert.Equal(0, await serve.WaitForExitAsync());
        Assert.Contains("Method: GET", serve.Output);
        Assert.Contains("Path: /add", serve.Output);
        Assert.Contains("StatusCode: 200", serve.Output);
    }

    [Fact]
    public async Task ConfigureHooksAddAHealthCheckToServe()
    {
        await using var serve = ExampleProcess.Serve("Chat");
        var address = await serve.WaitForAddressAsync();
        using var client = new HttpClient { BaseAddress = address };
        Assert.Equal("Healthy", await client.GetStringAsync("/health"));
        Assert.Equal("0", await client.GetStringAsync("/people"));
    }
}
