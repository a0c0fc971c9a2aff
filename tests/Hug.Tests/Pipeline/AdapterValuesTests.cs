using Hug.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Hug.Tests.Pipeline;

/// <summary>HTTP's directive values (request, response, context) come from the adapter that has them: HTTP, a WebSocket call's upgrade request, a sibling's caller.</summary>
public sealed class AdapterValuesTests
{
    public static class Agents
    {
        [Get, SocketCall]
        public static string Agent(HttpRequest request) => request.Headers["X-Agent"].ToString();

        [Get]
        public static Task<string> AgentThroughSibling(CurrentApi api) => api.CallAsync<string>("agent");
    }

    [Fact]
    public async Task EachAdapterGivesTheRequestItHas()
    {
        var api = new HugApi().AddType(typeof(Agents));
        await using var server = await HugServer.StartAsync(api);
        server.Client.DefaultRequestHeaders.Add("X-Agent", "curl");
        Assert.Equal("\"curl\"", await server.Client.GetStringAsync("/agent"));
        Assert.Equal("\"curl\"", await server.Client.GetStringAsync("/agent-through-sibling"));

        using var socket = await SocketClient.ConnectAsync(server, "/calls", options => options.SetRequestHeader("X-Agent", "a socket"));
        await SocketClient.SendAsync(socket, """{"id": 1, "call": "agent"}""");
        Assert.Equal("""{"id":1,"result":"a socket"}""", (await SocketClient.ReceiveAsync(socket)).Text);

        var local = await Assert.ThrowsAsync<InvalidOperationException>(() => api.Local.CallAsync("agent"));
        Assert.Equal("Parameter 'request' (HttpRequest) is only available to calls made over HTTP.", local.Message);
    }
}
