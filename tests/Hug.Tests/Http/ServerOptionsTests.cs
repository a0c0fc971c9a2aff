using Hug.Tests.Support;

namespace Hug.Tests.Http;

/// <summary><c>OPTIONS *</c> asks what the server supports at all (RFC 9110 §9.3.7): 204 and every method, not routing's bare 405 (issue 22, item 8).</summary>
public sealed class ServerOptionsTests
{
    public static class Notes
    {
        [Get("/notes")]
        public static string[] All() => [];

        [Post("/notes")]
        public static int Add(string text) => text.Length;

        [Delete("/notes/{id}")]
        public static bool Remove(int id) => id > 0;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task OptionsStarListsEveryMethodTheApiServes(bool rootDocumentation)
    {
        var api = new HugApi(new HugOptions { RootDocumentation = rootDocumentation }).AddType(typeof(Notes));
        await using var server = await HugServer.StartAsync(api);
        var (status, response) = await RawHttp.SendAsync(server.Client.BaseAddress!, "OPTIONS", "*");
        Assert.Equal(204, status);
        Assert.Contains("Allow: GET, HEAD, POST, DELETE, OPTIONS\r\n", response);
        // OPTIONS / is still about /: the documentation there, or nothing.
        var root = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/"));
        Assert.Equal(rootDocumentation ? System.Net.HttpStatusCode.NoContent : System.Net.HttpStatusCode.NotFound, root.StatusCode);
        if (rootDocumentation) Assert.Equal("GET, HEAD, OPTIONS", string.Join(", ", root.Content.Headers.Allow));
    }
}
