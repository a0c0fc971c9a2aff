// The WebSocket baseline: ASP.NET Core's WebSockets middleware and a hand-written echo loop.
using System.Net.WebSockets;

var builder = WebApplication.CreateSlimBuilder(args);
// The same logging as Hug's `serve` (console, framework categories at Warning): per-request
// logging work (the hosting log scope) is part of what a served app pays.
builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
var app = builder.Build();
app.UseWebSockets();
app.Run(async context =>
{
    if (context.Request.Path != "/echo" || !context.WebSockets.IsWebSocketRequest)
    {
        context.Response.StatusCode = context.Request.Path == "/echo" ? 400 : 404;
        return;
    }
    using var socket = await context.WebSockets.AcceptWebSocketAsync();
    var buffer = new byte[16 * 1024];
    while (true)
    {
        var received = await socket.ReceiveAsync(buffer.AsMemory(), context.RequestAborted);
        if (received.MessageType == WebSocketMessageType.Close) break;
        var length = received.Count;
        while (!received.EndOfMessage)
        {
            received = await socket.ReceiveAsync(buffer.AsMemory(length), context.RequestAborted);
            length += received.Count;
        }
        await socket.SendAsync(buffer.AsMemory(0, length), received.MessageType, true, context.RequestAborted);
    }
    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
});
app.Run();
