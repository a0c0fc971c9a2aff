// The HTTP baseline on ASP.NET Core Minimal APIs, doing the same work as the Hug endpoints.
var builder = WebApplication.CreateSlimBuilder(args);
// The same logging as Hug's `serve` (console, framework categories at Warning): per-request
// logging work (the hosting log scope) is part of what a served app pays.
builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
// Native AOT has no reflection-based JSON: the body's type comes from a generated context there (benchmarks/serve-aot.sh);
// under the JIT the baseline stays the default a Minimal API user has.
if (!System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported)
    builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, BenchJson.Default));
var app = builder.Build();
app.MapGet("/add", (int number_1, int number_2) => number_1 + number_2);
app.MapPost("/sum", (Numbers numbers) => numbers.number_1 + numbers.number_2);
app.Run();

internal sealed record Numbers(int number_1, int number_2);

[System.Text.Json.Serialization.JsonSerializable(typeof(Numbers))]
[System.Text.Json.Serialization.JsonSerializable(typeof(int))]
internal sealed partial class BenchJson : System.Text.Json.Serialization.JsonSerializerContext;
