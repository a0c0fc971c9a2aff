// The HTTP baseline: one app.Run handler doing the same work as the Hug endpoints, by hand.
// With BARE_ROUTED=1 the same handler is mapped through endpoint routing (MapGet /add, MapPost /sum):
// the floor for any framework that uses ASP.NET Core's router, as Hug and Minimal APIs do.
using System.Globalization;
using System.Text;
using System.Text.Json;

var builder = WebApplication.CreateSlimBuilder(args);
// The same logging as Hug's `serve` (console, framework categories at Warning): per-request
// logging work (the hosting log scope) is part of what a served app pays.
builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
var app = builder.Build();
var invalid = "{\"errors\":{\"number_1\":\"Invalid whole number provided\"}}"u8.ToArray();
RequestDelegate handle = async context =>
{
    var request = context.Request;
    int a, b;
    if (request.Path == "/add")
    {
        var query = request.Query;
        if (!int.TryParse(query["number_1"], NumberStyles.Integer, CultureInfo.InvariantCulture, out a)
            || !int.TryParse(query["number_2"], NumberStyles.Integer, CultureInfo.InvariantCulture, out b))
        {
            context.Response.StatusCode = 400;
            context.Response.ContentType = "application/problem+json";
            context.Response.ContentLength = invalid.Length;
            await context.Response.Body.WriteAsync(invalid);
            return;
        }
    }
    else if (request.Path == "/sum" && HttpMethods.IsPost(request.Method))
    {
        var numbers = await JsonSerializer.DeserializeAsync<Numbers>(request.Body);
        (a, b) = (numbers!.number_1, numbers.number_2);
    }
    else
    {
        context.Response.StatusCode = 404;
        return;
    }
    var body = Encoding.UTF8.GetBytes((a + b).ToString(CultureInfo.InvariantCulture));
    context.Response.ContentType = "application/json; charset=utf-8";
    context.Response.ContentLength = body.Length;
    await context.Response.Body.WriteAsync(body);
};
if (Environment.GetEnvironmentVariable("BARE_ROUTED") == "1")
{
    app.MapGet("/add", handle);
    app.MapPost("/sum", handle);
}
else app.Run(handle);
app.Run();

internal sealed record Numbers(int number_1, int number_2);
