using Microsoft.AspNetCore.Http;

namespace Hug;

/// <summary>The HTTP view of a call, declared by the HTTP adapter so the call itself names no ASP.NET Core type.</summary>
public static class HttpCallContextExtensions
{
    extension(CallContext call)
    {
        /// <summary>The HTTP context: the request over HTTP, the upgrade request of a WebSocket call; null on other interfaces.</summary>
        public HttpContext? HttpContext => call.Transport as HttpContext;
    }
}
