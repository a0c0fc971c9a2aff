using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;

namespace Hug.Tests.Support;

/// <summary>A real Kestrel serving an API on 127.0.0.1 and a free port, with an HttpClient pointed at it.</summary>
public sealed class HugServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private HugServer(WebApplication app, HttpClient client)
    {
        this.app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    /// <summary>The server's <c>ws://</c> address of <paramref name="path"/>.</summary>
    public Uri SocketAddress(string path) => new(new Uri(Client.BaseAddress!.AbsoluteUri.Replace("http://", "ws://", StringComparison.Ordinal)), path);

    /// <summary>A client of <paramref name="api"/> as a test's kind names it: "Local" (in process), "HTTP" (this server), else a WebSocket to its /calls.</summary>
    public IHugClient ClientOf(string kind, HugApi api) => kind switch
    {
        "Local" => HugClient.Local(api),
        "HTTP" => HugClient.Http(Client, api),
        _ => HugClient.WebSocket(SocketAddress("/calls"), api),
    };

    public static async Task<HugServer> StartAsync(HugApi api)
    {
        var app = HugWebHost.Build(api, urls: "http://127.0.0.1:0");
        await app.StartAsync();
        return new HugServer(app, new HttpClient { BaseAddress = new Uri(app.Urls.First()) });
    }

    public static async Task<HugServer> StartAsync(Action<HugApi> configure, HugOptions? options = null)
    {
        var api = new HugApi(options);
        configure(api);
        return await StartAsync(api);
    }

    public async Task<(HttpResponseMessage Response, JsonElement Body)> GetJsonAsync(string url) => await ReadAsync(await Client.GetAsync(url));

    public async Task<(HttpResponseMessage Response, JsonElement Body)> SendJsonAsync(HttpMethod method, string url, string json, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(method, url) { Content = new StringContent(json) };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        return await ReadAsync(await Client.SendAsync(request));
    }

    public static async Task<(HttpResponseMessage, JsonElement)> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response, body);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

public static class JsonAssert
{
    public static string Error(JsonElement problem, string key) =>
        problem.GetProperty("errors").TryGetProperty(key, out var messages)
            ? Xunit.Assert.Single(messages.EnumerateArray()).GetString()!
            : throw new Xunit.Sdk.XunitException($"no error for '{key}' in {problem}");
}
