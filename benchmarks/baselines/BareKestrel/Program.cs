// The HTTP baseline: one app.Run handler that parses the two query values and writes the same bytes.
using System.Globalization;
using System.Text;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
app.Run(context =>
{
    var query = context.Request.Query;
    if (context.Request.Path == "/add"
        && int.TryParse(query["number_1"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var a)
        && int.TryParse(query["number_2"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var b))
    {
        var body = Encoding.UTF8.GetBytes((a + b).ToString(CultureInfo.InvariantCulture));
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body).AsTask();
    }
    context.Response.StatusCode = 400;
    return Task.CompletedTask;
});
app.Run();
