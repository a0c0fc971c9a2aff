// An HTTP peer: FastEndpoints 8.3 (REPR endpoints on top of Minimal APIs), doing the same work as the Hug endpoints.
using FastEndpoints;

var builder = WebApplication.CreateSlimBuilder(args);
// The same logging as Hug's `serve` and the Minimal API baseline.
builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.Services.AddFastEndpoints();
var app = builder.Build();
app.UseFastEndpoints();
app.Run();

public sealed class Numbers
{
    public int number_1 { get; set; }
    public int number_2 { get; set; }
}

/// <summary>Both routes answer the sum; each endpoint class says only its verb and route, as FastEndpoints users write them.</summary>
public abstract class SumEndpoint : Endpoint<Numbers, int>
{
    public override Task HandleAsync(Numbers numbers, CancellationToken cancellation) =>
        Send.OkAsync(numbers.number_1 + numbers.number_2, cancellation);
}

public sealed class GetAdd : SumEndpoint
{
    public override void Configure()
    {
        Get("/add");
        AllowAnonymous();
    }
}

public sealed class PostSum : SumEndpoint
{
    public override void Configure()
    {
        Post("/sum");
        AllowAnonymous();
    }
}
