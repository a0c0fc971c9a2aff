using System.Text;
using BenchmarkDotNet.Attributes;
using Hug.Binding;
using Hug.Http;
using Hug.Invocation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hug.Benchmarks;

/// <summary>
/// One request through Hug's binder + invoker + writer, against the Minimal API's generated request
/// delegate for the same endpoint, in-process on a <see cref="DefaultHttpContext"/>. The
/// <c>Context</c> rows measure building the request alone: subtract them to get each framework's own cost.
/// The <c>Bare</c> rows are the floor: a hand-written delegate doing the same work (read two numbers, write the sum),
/// as benchmarks/servers/BareKestrel does over a socket.
/// </summary>
[MemoryDiagnoser]
public partial class EndpointBenchmarks
{
    private static readonly byte[] SumBody = Encoding.UTF8.GetBytes("""{"number_1":1,"number_2":2}""");
    private IServiceProvider services = null!;
    private HttpEndpoint hugAdd = null!;
    private HttpEndpoint hugSum = null!;
    private RequestDelegate minimalAdd = null!;
    private RequestDelegate minimalSum = null!;
    private readonly RequestDelegate bareAdd = BareAdd;
    private readonly RequestDelegate bareSum = BareSum;

    [GlobalSetup]
    public void Setup()
    {
        services = new ServiceCollection().AddLogging().AddRouting().BuildServiceProvider();
        var api = new HugApi().AddType(typeof(Endpoints));
        hugAdd = Create(api, nameof(Endpoints.Add));
        hugSum = Create(api, nameof(Endpoints.Sum));
        var options = new RequestDelegateFactoryOptions { ServiceProvider = services };
        minimalAdd = RequestDelegateFactory.Create((int number_1, int number_2) => number_1 + number_2, options).RequestDelegate;
        minimalSum = RequestDelegateFactory.Create((Numbers numbers) => numbers.number_1 + numbers.number_2, options).RequestDelegate;
        Check("Hug GET", c => hugAdd.HandleAsync(c), Get("?number_1=1&number_2=2"), 200, "3");
        Check("Minimal GET", minimalAdd, Get("?number_1=1&number_2=2"), 200, "3");
        Check("Hug POST", c => hugSum.HandleAsync(c), Post(), 200, "3");
        Check("Minimal POST", minimalSum, Post(), 200, "3");
        Check("Bare GET", bareAdd, Get("?number_1=1&number_2=2"), 200, "3");
        Check("Bare POST", bareSum, Post(), 200, "3");
        Check("Hug 400", c => hugAdd.HandleAsync(c), Get("?number_1=x&number_2=2"), 400, null);
        Check("Minimal 400", minimalAdd, Get("?number_1=x&number_2=2"), 400, null);
    }

    /// <summary>Every benchmarked path must really do its work: a fast failure would measure nothing.</summary>
    private static void Check(string name, RequestDelegate handler, HttpContext context, int status, string? body)
    {
        var output = new MemoryStream();
        context.Response.Body = output;
        handler(context).GetAwaiter().GetResult();
        var text = Encoding.UTF8.GetString(output.ToArray());
        if (context.Response.StatusCode != status || (body is not null && text != body))
            throw new InvalidOperationException($"{name}: expected {status} '{body}', got {context.Response.StatusCode} '{text}'");
    }

    private HttpEndpoint Create(HugApi api, string name)
    {
        var descriptor = api.Endpoints.Single(e => e.Name == name);
        var binders = ParameterBinder.For(descriptor, api);
        return HttpEndpoint.Create(descriptor, descriptor.Http[0], new HttpEndpointPlan([OutputFormat.Json], InvokerCompiler.Compile(descriptor, binders), api, NullLogger.Instance, false));
    }

    private HttpContext Get(string query)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = "GET";
        context.Request.Path = "/add";
        context.Request.QueryString = new QueryString(query);
        context.Response.Body = Stream.Null;
        return context;
    }

    private HttpContext Post()
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = "POST";
        context.Request.Path = "/sum";
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = SumBody.Length;
        context.Request.Body = new MemoryStream(SumBody, writable: false);
        context.Features.Set<Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature>(HasBody.Instance);
        context.Response.Body = Stream.Null;
        return context;
    }

    private static Task BareAdd(HttpContext context)
    {
        var query = context.Request.Query;
        if (!int.TryParse(query["number_1"], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var a)
            || !int.TryParse(query["number_2"], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var b))
        {
            context.Response.StatusCode = 400;
            return Task.CompletedTask;
        }
        return WriteSum(context, a + b);
    }

    private static async Task BareSum(HttpContext context)
    {
        var numbers = await System.Text.Json.JsonSerializer.DeserializeAsync(context.Request.Body, BareJson.Default.Numbers);
        await WriteSum(context, numbers!.number_1 + numbers.number_2);
    }

    private static Task WriteSum(HttpContext context, int sum)
    {
        var body = Encoding.UTF8.GetBytes(sum.ToString(System.Globalization.CultureInfo.InvariantCulture));
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body).AsTask();
    }

    [Benchmark(Description = "Bare GET /add")]
    public Task BareGet() => bareAdd(Get("?number_1=1&number_2=2"));

    [Benchmark(Description = "Bare POST /sum")]
    public Task BarePost() => bareSum(Post());

    [Benchmark(Description = "Context GET")]
    public HttpContext ContextGet() => Get("?number_1=1&number_2=2");

    [Benchmark(Description = "Hug GET /add")]
    public Task HugGet() => hugAdd.HandleAsync(Get("?number_1=1&number_2=2"));

    [Benchmark(Description = "Minimal GET /add")]
    public Task MinimalGet() => minimalAdd(Get("?number_1=1&number_2=2"));

    [Benchmark(Description = "Hug GET /add 400")]
    public Task HugInvalid() => hugAdd.HandleAsync(Get("?number_1=x&number_2=2"));

    [Benchmark(Description = "Minimal GET /add 400")]
    public Task MinimalInvalid() => minimalAdd(Get("?number_1=x&number_2=2"));

    [Benchmark(Description = "Context POST")]
    public HttpContext ContextPost() => Post();

    [Benchmark(Description = "Hug POST /sum")]
    public Task HugPost() => hugSum.HandleAsync(Post());

    [Benchmark(Description = "Minimal POST /sum")]
    public Task MinimalPost() => minimalSum(Post());

    public static class Endpoints
    {
        [Get("/add")]
        public static int Add(int number_1, int number_2) => number_1 + number_2;

        [Post("/sum")]
        public static int Sum(Numbers numbers) => numbers.number_1 + numbers.number_2;
    }

    public sealed record Numbers(int number_1, int number_2);

    [System.Text.Json.Serialization.JsonSerializable(typeof(Numbers))]
    private sealed partial class BareJson : System.Text.Json.Serialization.JsonSerializerContext;

    /// <summary>Kestrel says a POST with Content-Length has a body; a bare DefaultHttpContext does not.</summary>
    private sealed class HasBody : Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature
    {
        public static readonly HasBody Instance = new();
        public bool CanHaveBody => true;
    }
}
