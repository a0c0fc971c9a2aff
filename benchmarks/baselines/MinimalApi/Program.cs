// The HTTP baseline on ASP.NET Core Minimal APIs.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
app.MapGet("/add", (int number_1, int number_2) => number_1 + number_2);
app.Run();
