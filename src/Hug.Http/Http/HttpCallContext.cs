using Microsoft.AspNetCore.Http;

namespace Hug;

/// <summary>The HTTP view of a call and of a WebSocket connection, declared by the HTTP adapter so the core names no ASP.NET Core type.</summary>
public static class HttpCallContextExtensions
{
    extension(CallContext call)
    {
        /// <summary>The HTTP context: the request over HTTP, the upgrade request of a WebSocket call; null on other interfaces.</summary>
        public HttpContext? HttpContext => call.Transport as HttpContext;
    }

    extension(WebSocketConnection connection)
    {
        /// <summary>The upgrade request: path, query, headers.</summary>
        public HttpRequest Request => connection.Http.Request;

        /// <summary>The upgrade request's context.</summary>
        internal HttpContext Http => (HttpContext)connection.Transport;
    }
}
