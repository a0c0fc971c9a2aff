using System.Text.Json.Serialization.Metadata;
using Hug.Binding;
using Hug.Formats;
using Hug.Introspection;
using Hug.Invocation;
using Hug.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hug.Http;

/// <summary>What an HTTP endpoint is built from, besides its descriptor and route: resolved at start-up.</summary>
internal sealed record HttpEndpointPlan(IReadOnlyList<OutputFormat> Formats, Delegate? Invoker, HugApi Api, ILogger Logger, bool Development);

/// <summary>One exposed method on one set of HTTP route options: runs the call pipeline, answers its outcome.</summary>
internal abstract class HttpEndpoint(EndpointDescriptor descriptor, HttpRouteOptions route)
{
    public EndpointDescriptor Descriptor { get; } = descriptor;
    public HttpRouteOptions Route { get; } = route;

    /// <summary>The requirements that apply over HTTP, checked in order before the body is read.</summary>
    public abstract IReadOnlyList<Requirement> Requirements { get; }

    /// <summary>The output formats offered, the default first.</summary>
    public abstract IReadOnlyList<OutputFormat> Formats { get; }

    /// <summary>Handles one request at the resolved API <paramref name="version"/>; <paramref name="suffix"/> is a URL suffix choosing the format.</summary>
    public abstract Task HandleAsync(HttpContext http, int? version = null, string? suffix = null);

    public static HttpEndpoint Create(EndpointDescriptor descriptor, HttpRouteOptions route, HttpEndpointPlan plan) =>
        descriptor.ResultShape.Accept(new Factory(descriptor, route, plan));

    /// <summary>Makes the <see cref="HttpEndpoint{TResult}"/> of the result type, which only the core's type shape knows as a type argument.</summary>
    private sealed class Factory(EndpointDescriptor descriptor, HttpRouteOptions route, HttpEndpointPlan plan) : ITypeShapeVisitor<HttpEndpoint>
    {
        public HttpEndpoint Visit<T>() => new HttpEndpoint<T>(descriptor, route, plan);
    }

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

    /// <summary>
    /// How a request's body is read: not at all; as its whole, by the one input parameter's converter in one pass (a record
    /// or class: no document is built first, as a Minimal API's body parameter); or as a document whose fields the
    /// parameters look up by name.
    /// </summary>
    internal static BodyReading BodyReadingOf(EndpointDescriptor descriptor, HugApi api)
    {
        if (descriptor.TakesBodyStream) return BodyReading.None;
        ParameterDescriptor? only = null;
        var inputs = 0;
        foreach (var parameter in descriptor.Parameters)
        {
            if (parameter.IsHttpUpload) return BodyReading.Fields;
            if (!api.TakesAsInput(parameter)) continue;
            inputs++;
            only = parameter;
        }
        if (inputs == 0) return BodyReading.None;
        return inputs == 1 && only!.Source == ParameterSource.Json && only.Converter is { ReadsJsonText: true } ? BodyReading.Whole : BodyReading.Fields;
    }
}

internal sealed class HttpEndpoint<TResult> : HttpEndpoint
{
    private readonly CallPipeline<TResult> pipeline;
    private readonly BodyReading bodyReading;
    private readonly bool takesSession;
    private readonly int status;
    private readonly JsonTypeInfo<TResult>? typeInfo;
    private readonly ILogger logger;
    private readonly bool development;
    private readonly HugApi api;
    private readonly IStreamWriter? streamWriter;
    private readonly long? maxBodySize;
    private readonly (string Name, string Value)[] headers;

    public HttpEndpoint(EndpointDescriptor descriptor, HttpRouteOptions route, HttpEndpointPlan plan) : base(descriptor, route)
    {
        api = plan.Api;
        logger = plan.Logger;
        development = plan.Development;
        pipeline = new CallPipeline<TResult>(api, (Func<Generation.CallArguments, ValueTask<TResult>>)plan.Invoker!,
            api.RequirementsFor(descriptor, HugInterfaces.Http, route.Requires), api.TransformsFor(descriptor, HugInterfaces.Http, route.Transforms));
        maxBodySize = api.Options.MaxRequestBodySize;
        streamWriter = descriptor.ResultShape.StreamItem?.Accept(StreamWriters.Instance);
        Formats = streamWriter is null ? plan.Formats : StreamFormat.Offered;
        headers = [.. route.Headers.Select(h => (h[..h.IndexOf(':')].Trim(), h[(h.IndexOf(':') + 1)..].Trim()))];
        bodyReading = BodyReadingOf(descriptor, api);
        takesSession = descriptor.Takes(ContextValue.Session);
        status = route.Status ?? (typeof(TResult) == typeof(NoResult) ? StatusCodes.Status204NoContent : StatusCodes.Status200OK);
        if (typeof(TResult) != typeof(NoResult) && !typeof(IResult).IsAssignableFrom(typeof(TResult)) && !IsFile)
            typeInfo = (JsonTypeInfo<TResult>)api.Options.ReadOnlyJson.GetTypeInfo(typeof(TResult));
    }

    public override IReadOnlyList<Requirement> Requirements => pipeline.Requirements;

    public override IReadOnlyList<OutputFormat> Formats { get; }

    public override async Task HandleAsync(HttpContext http, int? version = null, string? suffix = null)
    {
        // A file or an ASP.NET Core result has its own content type: Accept does not choose among Hug's formats for it.
        var format = Negotiates || suffix is not null ? ChooseFormat(http, suffix) : Formats[0];
        if (format is null)
        {
            await NotAcceptableAsync(http, suffix);
            return;
        }
        var context = new HttpBindingContext(http, api, Descriptor.DisplayName, version, bodyReading);
        try
        {
            if (maxBodySize is { } limit && http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                size.MaxRequestBodySize = limit;
            HugSession? session = null;
            if (takesSession) http.Features.Set(session = await Sessions.SessionDoor.LoadAsync(http));
            var outcome = await pipeline.RunAsync(context);
            if (session is not null) await Sessions.SessionDoor.SaveAsync(http, session, setCookie: true);
            if (outcome.Failure is { } failure) await AnswerAsync(http, failure, context);
            else if (outcome.IsTransformed) await WriteTransformedAsync(http, outcome.Transformed, format);
            else await WriteAsync(http, outcome.Value, format);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (BadHttpRequestException exception)
        {
            await Fail(http, Problem.One(exception.StatusCode, exception.StatusCode == 413 ? "Content Too Large" : "Bad Request", "request", exception.Message));
        }
        catch (Exception exception)
        {
            // Thrown while writing the result (a stream's items): mapped as the pipeline maps the method's own exceptions.
            await AnswerAsync(http, pipeline.Fail(exception, context), context);
        }
    }

    /// <summary>A failed call as HTTP answers it: the requirement's status and challenge, the 400 of every error, the handler's response, or a 500.</summary>
    private Task AnswerAsync(HttpContext http, CallFailure failure, HttpBindingContext context)
    {
        switch (failure.Kind)
        {
            case FailureKind.Refused:
                return RequirementCheck.RefuseAsync(http, failure.Refusal!);
            case FailureKind.Rejected:
                return context.InputProblem!.WriteAsync(http).AsTask();
            case FailureKind.Invalid:
                return Problem.Invalid(failure.Errors!).WriteAsync(http).AsTask();
            case FailureKind.Handled when !http.Response.HasStarted:
                http.Response.Clear();
                return JsonResponse.WriteAsync(http, failure.Handled!, api.Options.ReadOnlyJson).AsTask();
            default:
                logger.LogError(failure.Exception, "{Endpoint} failed on {Method} {Path}", Descriptor.DisplayName, http.Request.Method, http.Request.Path);
                return Fail(http, Problem.ServerError(development ? failure.Exception!.ToString() : null)).AsTask();
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

    /// <summary>A transformed result, written by its runtime type.</summary>
    private async Task WriteTransformedAsync(HttpContext http, object? value, OutputFormat format)
    {
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

    private static readonly bool Negotiates = !IsFile && !typeof(IResult).IsAssignableFrom(typeof(TResult));

    private static ValueTask Fail(HttpContext http, Problem problem)
    {
        if (http.Response.HasStarted) return ValueTask.CompletedTask;
        http.Response.Clear();
        return problem.WriteAsync(http);
    }
}

/// <summary>Makes the typed writer of a stream's items (<see cref="TypeShape.StreamItem"/>).</summary>
internal sealed class StreamWriters : ITypeShapeVisitor<IStreamWriter>
{
    public static readonly StreamWriters Instance = new();

    public IStreamWriter Visit<T>() => new StreamWriter<T>();
}
