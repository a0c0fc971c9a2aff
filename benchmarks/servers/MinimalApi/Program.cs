// The HTTP baseline on ASP.NET Core Minimal APIs, doing the same work as the Hug endpoints.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
app.MapGet("/add", (int number_1, int number_2) => number_1 + number_2);
app.MapPost("/sum", (Numbers numbers) => numbers.number_1 + numbers.number_2);
app.Run();

internal sealed record Numbers(int number_1, int number_2);
