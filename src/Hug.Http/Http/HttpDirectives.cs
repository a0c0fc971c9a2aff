using Hug.Introspection;
using Microsoft.AspNetCore.Http;

namespace Hug.Http;

/// <summary>The directive values only HTTP has, read from a request: what the binder asks <c>BindingContext.AdapterValue</c> for.</summary>
internal static class HttpDirectives
{
    /// <summary>The value of <paramref name="kind"/> for the parameter named <paramref name="parameter"/>; null when the request has none.</summary>
    public static object? Read(object transport, ContextValue kind, string parameter) => Read((HttpContext)transport, kind, parameter);

    private static IFormCollection? ReadForm(HttpContext http) => http.Features.Get<Microsoft.AspNetCore.Http.Features.IFormFeature>()?.Form;

    public static object? Read(HttpContext http, ContextValue kind, string parameter) => kind switch
    {
        ContextValue.HttpContext => http,
        ContextValue.HttpRequest => http.Request,
        ContextValue.HttpResponse => http.Response,
        ContextValue.User => http.User,
        ContextValue.Session => http.Features.Get<HugSession>(),
        ContextValue.Body => http.Request.Body,
        // The form the call read (never Request.Form: a synchronous read of a body that may have no framing at all).
        ContextValue.FormFiles => ReadForm(http)?.Files,
        ContextValue.FormFile => ReadForm(http)?.Files.GetFile(parameter),
        ContextValue.RequestHeader => http.Request.Headers[parameter] is { Count: > 0 } values ? values.ToString() : null,
        ContextValue.RequestPath => http.Request.Path.Value,
        ContextValue.QueryValue => http.Request.Query[parameter].FirstOrDefault(),
        _ => null,
    };
}
