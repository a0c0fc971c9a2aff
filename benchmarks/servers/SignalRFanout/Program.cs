// Cross-instance fan-out through SignalR and its Redis backplane: Send(message) goes to every client of /fan, on this
// instance and, through Redis (ConnectionStrings__Redis), on the others. Clients connect by WebSocket directly (no negotiate).
using Microsoft.AspNetCore.SignalR;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSignalR().AddStackExchangeRedis(builder.Configuration.GetConnectionString("Redis")!);
var app = builder.Build();
app.UseWebSockets();
app.MapHub<Fan>("/fan");
app.Run();

/// <summary>Broadcasts every message to every client, the caller included.</summary>
public sealed class Fan : Hub
{
    public Task Send(string message) => Clients.All.SendAsync("m", message);
}
