using System.Text.Json.Serialization.Metadata;
using Hug.Binding;
using Hug.Introspection;
using Hug.Invocation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hug.Http;

/// <summary>One exposed method on one set of HTTP route options: checks requirements, binds, invokes and writes.</summary>
internal abstract class HttpEndpoint(EndpointDescriptor descriptor, HttpRouteOptions route, IReadOnlyList<Requirement> requirements)
{
    public EndpointDescriptor Descriptor { get; } = descriptor;
    public HttpRouteOptions Route { get; } = route;

    /// <summary>The requirements that apply over HTTP, checked in order before the body is read.</summary>
    public IReadOnlyList<Requirement> Requirements { get; } = requirements;

    /// <summary>Handles one request; <paramref name="version"/> is the API version the dispatcher resolved.</summary>
    public abstract Task HandleAsync(HttpContext http, int? version = null);

    public static HttpEndpoint Create(EndpointDescriptor descriptor, HttpRouteOptions route, IReadOnlyList<Requirement> requirements,
        Delegate invoker, HugApi api, ILogger logger, bool development) =>
        Generic.Create<HttpEndpoint>(typeof(HttpEndpoint<>), InvokerCompiler.ResultType(descriptor), descriptor, route, requirements, invoker, api, logger, development);

    /// <summary>Runs every requirement; the first failure is answered (401 with its challenge, 403, …) and ends the call.</summary>
    protected async ValueTask<bool> MeetsRequirementsAsync(HttpContext http, CallContext call)
    {
        foreach (var requirement in Requirements)
        {
            var result = await requirement.CheckAsync(call);
            if (result.Succeeded) continue;
            if (result.Challenge is not null) http.Response.Headers.WWWAuthenticate = result.Challenge;
            await Problem.One(result.Status, result.Title, result.Title, result.Message).WriteAsync(http);
            return false;
        }
        return true;
    }
}

internal sealed class HttpEndpoint<TResult> : HttpEndpoint
{
    private readonly Func<BindingContext, ValueTask<TResult>> invoke;
    private readonly bool readsBody;
    private readonly int status;
    private readonly JsonTypeInfo<TResult>? typeInfo;
    private readonly ILogger logger;
    private readonly bool development;

    private readonly HugApi api;
    private readonly bool needsCall;

    public HttpEndpoint(EndpointDescriptor descriptor, HttpRouteOptions route, IReadOnlyList<Requirement> requirements,
        Delegate invoker, HugApi api, ILogger logger, bool development) : base(descriptor, route, requirements)
    {
        this.api = api;
        needsCall = requirements.Count > 0 || descriptor.UsesCallContext;
        invoke = (Func<BindingContext, ValueTask<TResult>>)invoker;
        readsBody = descriptor.Parameters.Any(p => p.IsInput);
        status = route.Status ?? (typeof(TResult) == typeof(NoResult) ? StatusCodes.Status204NoContent : StatusCodes.Status200OK);
        if (typeof(TResult) != typeof(NoResult) && !typeof(IResult).IsAssignableFrom(typeof(TResult)))
            typeInfo = (JsonTypeInfo<TResult>)api.Options.ReadOnlyJson.GetTypeInfo(typeof(TResult));
        this.logger = logger;
        this.development = development;
    }

    public override async Task HandleAsync(HttpContext http, int? version = null)
    {
        var context = new HttpBindingContext(http, api, Descriptor.DisplayName, version);
        try
        {
            if (needsCall && !await MeetsRequirementsAsync(http, context.Call)) return;
            if (readsBody && HttpBindingContext.HasBody(http) && await context.ReadBodyAsync() is { } bodyProblem)
            {
                await bodyProblem.WriteAsync(http);
                return;
            }
            var pending = invoke(context);
            if (context.HasErrors)
            {
                await Problem.Invalid(context.Errors).WriteAsync(http);
                return;
            }
            var result = await pending;
            await WriteAsync(http, result);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (BadHttpRequestException exception)
        {
            await Fail(http, Problem.One(exception.StatusCode, "Bad Request", "request", exception.Message));
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "{Endpoint} failed on {Method} {Path}", Descriptor.DisplayName, http.Request.Method, http.Request.Path);
            await Fail(http, Problem.ServerError(development ? exception.ToString() : null));
        }
    }

    private ValueTask WriteAsync(HttpContext http, TResult result)
    {
        if (typeof(TResult) == typeof(NoResult))
        {
            http.Response.StatusCode = status;
            return ValueTask.CompletedTask;
        }
        if (result is IResult executable) return new ValueTask(executable.ExecuteAsync(http));
        if (IsAsyncStream && result is not null)
        {
            http.Response.StatusCode = status;
            http.Response.ContentType = JsonResponse.ContentType;
            return new ValueTask(System.Text.Json.JsonSerializer.SerializeAsync(http.Response.Body, result, typeInfo!, http.RequestAborted));
        }
        var flush = JsonResponse.WriteAsync(http, status, result, typeInfo!);
        return flush.IsCompletedSuccessfully ? ValueTask.CompletedTask : new ValueTask(flush.AsTask());
    }

    private static readonly bool IsAsyncStream = typeof(TResult).GetInterfaces().Append(typeof(TResult))
        .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>));

    private static ValueTask Fail(HttpContext http, Problem problem)
    {
        if (http.Response.HasStarted) return ValueTask.CompletedTask;
        http.Response.Clear();
        return problem.WriteAsync(http);
    }
}
