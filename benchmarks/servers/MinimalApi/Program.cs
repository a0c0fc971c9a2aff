// The HTTP baseline on ASP.NET Core Minimal APIs, doing the same work as the Hug endpoints.
var builder = WebApplication.CreateSlimBuilder(args);
// The same logging as Hug's `serve` (console, framework categories at Warning): per-request
// logging work (the hosting log scope) is part of what a served app pays.
builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
var app = builder.Build();
app.MapGet("/add", (int number_1, int number_2) => number_1 + number_2);
app.MapPost("/sum", (Numbers numbers) => numbers.number_1 + numbers.number_2);
app.Run();

internal sealed record Numbers(int number_1, int number_2);
