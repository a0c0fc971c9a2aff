using System.Text.Json.Serialization.Metadata;
using Hug.Binding;
using Hug.Formats;
using Hug.Introspection;
using Hug.Invocation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hug.Http;

/// <summary>What an HTTP endpoint is built from, besides its descriptor and route: resolved at start-up.</summary>
internal sealed record HttpEndpointPlan(IReadOnlyList<Requirement> Requirements, IReadOnlyList<OutputFormat> Formats, Delegate? Invoker,
    HugApi Api, ILogger Logger, bool Development)
{
    public IReadOnlyList<ITransform> Transforms { get; init; } = [];
}

/// <summary>One exposed method on one set of HTTP route options: checks requirements, binds, invokes and writes.</summary>
internal abstract class HttpEndpoint(EndpointDescriptor descriptor, HttpRouteOptions route, HttpEndpointPlan plan)
{
    public EndpointDescriptor Descriptor { get; } = descriptor;
    public HttpRouteOptions Route { get; } = route;

    /// <summary>The requirements that apply over HTTP, checked in order before the body is read.</summary>
    public IReadOnlyList<Requirement> Requirements { get; } = plan.Requirements;

    /// <summary>The output formats offered, the default first.</summary>
    public abstract IReadOnlyList<OutputFormat> Formats { get; }

    /// <summary>Handles one request at the resolved API <paramref name="version"/>; <paramref name="suffix"/> is a URL suffix choosing the format.</summary>
    public abstract Task HandleAsync(HttpContext http, int? version = null, string? suffix = null);

    public static HttpEndpoint Create(EndpointDescriptor descriptor, HttpRouteOptions route, HttpEndpointPlan plan) =>
        TypeShape.Of(InvokerCompiler.ResultType(descriptor)).HttpEndpoint(descriptor, route, plan);

    /// <summary>Runs every requirement; the first failure is answered (401 with its challenge, 403, …) and ends the call.</summary>
    protected ValueTask<bool> MeetsRequirementsAsync(HttpContext http, CallContext call) => RequirementCheck.MeetsAsync(http, call, Requirements);

    /// <summary>The format for this request: by URL suffix, else by <c>Accept</c>; null when nothing offered is acceptable.</summary>
    protected OutputFormat? ChooseFormat(HttpContext http, string? suffix)
    {
        var offered = Formats;
        if (suffix is not null)
        {
            foreach (var format in offered)
                if (string.Equals(format.Suffix, suffix, StringComparison.OrdinalIgnoreCase)) return format;
            return null;
        }
        var accept = http.Request.Headers.Accept;
        return accept.Count == 0 ? offered[0] : FormatNegotiation.Choose(offered, accept);
    }

    protected Task NotAcceptableAsync(HttpContext http, string? suffix) => (suffix is null
        ? Problem.One(406, "Not Acceptable", "Accept",
            $"None of the accepted types ({http.Request.Headers.Accept}) can be produced; this endpoint offers {string.Join(", ", Formats.Select(f => f.MediaType))}")
        : Problem.One(404, "Not Found", "suffix", $"This endpoint has no '.{suffix}' form; it offers {string.Join(", ", Formats.Where(f => f.Suffix is not null).Select(f => "." + f.Suffix))}"))
        .WriteAsync(http).AsTask();
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
    private readonly IStreamWriter? streamWriter;
    private readonly long? maxBodySize;
    private readonly IReadOnlyList<ITransform> transforms;

    public HttpEndpoint(EndpointDescriptor descriptor, HttpRouteOptions route, HttpEndpointPlan plan) : base(descriptor, route, plan)
    {
        var (api, logger, development) = (plan.Api, plan.Logger, plan.Development);
        this.api = api;
        maxBodySize = api.Options.MaxRequestBodySize;
        transforms = plan.Transforms;
        needsCall = Requirements.Count > 0 || transforms.Count > 0 || descriptor.UsesCallContext;
        invoke = (Func<BindingContext, ValueTask<TResult>>)plan.Invoker!;
        streamWriter = StreamItem is null ? null : Generic.Create<IStreamWriter>(typeof(StreamWriter<>), StreamItem);
        Formats = streamWriter is null ? plan.Formats : StreamFormat.Offered;
        headers = [.. route.Headers.Select(h => (h[..h.IndexOf(':')].Trim(), h[(h.IndexOf(':') + 1)..].Trim()))];
        readsBody = descriptor.Parameters.Any(p => p.IsInput || p.IsHttpUpload) && !descriptor.TakesBodyStream;
        status = route.Status ?? (typeof(TResult) == typeof(NoResult) ? StatusCodes.Status204NoContent : StatusCodes.Status200OK);
        if (typeof(TResult) != typeof(NoResult) && !typeof(IResult).IsAssignableFrom(typeof(TResult)) && !IsFile)
            typeInfo = (JsonTypeInfo<TResult>)api.Options.ReadOnlyJson.GetTypeInfo(typeof(TResult));
        this.logger = logger;
        this.development = development;
    }

    public override IReadOnlyList<OutputFormat> Formats { get; }

    public override async Task HandleAsync(HttpContext http, int? version = null, string? suffix = null)
    {
        var format = ChooseFormat(http, suffix);
        if (format is null)
        {
            await NotAcceptableAsync(http, suffix);
            return;
        }
        var context = new HttpBindingContext(http, api, Descriptor.DisplayName, version);
        try
        {
            if (needsCall && !await MeetsRequirementsAsync(http, context.Call)) return;
            if (maxBodySize is { } limit && http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                size.MaxRequestBodySize = limit;
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
            if (transforms.Count > 0) await WriteTransformedAsync(http, result, format, context.Call);
            else await WriteAsync(http, result, format);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (BadHttpRequestException exception)
        {
            await Fail(http, Problem.One(exception.StatusCode, exception.StatusCode == 413 ? "Content Too Large" : "Bad Request", "request", exception.Message));
        }
        catch (Exception exception) when (!api.Exceptions.IsEmpty && !http.Response.HasStarted && api.Exceptions.Handle(exception, context.Call) is { } handled)
        {
            http.Response.Clear();
            await JsonResponse.WriteAsync(http, handled, api.Options.ReadOnlyJson);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "{Endpoint} failed on {Method} {Path}", Descriptor.DisplayName, http.Request.Method, http.Request.Path);
            await Fail(http, Problem.ServerError(development ? exception.ToString() : null));
        }
    }

    private ValueTask WriteAsync(HttpContext http, TResult result, OutputFormat format)
    {
        if (typeof(TResult) == typeof(NoResult))
        {
            http.Response.StatusCode = status;
            return ValueTask.CompletedTask;
        }
        foreach (var (name, value) in headers) http.Response.Headers.Append(name, value);
        if (result is IResult executable) return new ValueTask(executable.ExecuteAsync(http));
        if (IsFile && result is not null) return new ValueTask(FileResults.WriteAsync(http, result, Route.ContentType));
        if (streamWriter is not null && result is not null)
            return new ValueTask(streamWriter.WriteAsync(http, status, result, format, api.Options.ReadOnlyJson));
        if (format == OutputFormat.Json)
        {
            var flush = JsonResponse.WriteAsync(http, status, result, typeInfo!);
            return flush.IsCompletedSuccessfully ? ValueTask.CompletedTask : new ValueTask(flush.AsTask());
        }
        return JsonResponse.WriteBodyAsync(http, status, format.ContentType, format.Render(result, typeof(TResult), api.Options.ReadOnlyJson));
    }

    /// <summary>The result through every transform, then written by its runtime type. A failing transform is a 500, logged by name.</summary>
    private async Task WriteTransformedAsync(HttpContext http, TResult result, OutputFormat format, CallContext call)
    {
        object? value = typeof(TResult) == typeof(NoResult) ? null : result;
        for (var i = 0; i < transforms.Count; i++)
        {
            try
            {
                value = transforms[i].Apply(value, call);
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Transform {Index} ({Transform}) of {Endpoint} failed", i + 1, transforms[i].GetType().Name, Descriptor.DisplayName);
                await Fail(http, Problem.ServerError(development ? exception.ToString() : null));
                return;
            }
        }
        foreach (var (name, header) in headers) http.Response.Headers.Append(name, header);
        if (value is IResult executable)
        {
            await executable.ExecuteAsync(http);
            return;
        }
        await JsonResponse.WriteBodyAsync(http, status == StatusCodes.Status204NoContent && value is not null ? StatusCodes.Status200OK : status,
            format.ContentType, format.Render(value, value?.GetType() ?? typeof(object), api.Options.ReadOnlyJson));
    }

    private static readonly bool IsFile = FileResults.IsFileResult(typeof(TResult));

    private readonly (string Name, string Value)[] headers;

    private static readonly Type? StreamItem = TypeShape.AsyncStreamItem(typeof(TResult));

    private static ValueTask Fail(HttpContext http, Problem problem)
    {
        if (http.Response.HasStarted) return ValueTask.CompletedTask;
        http.Response.Clear();
        return problem.WriteAsync(http);
    }
}
