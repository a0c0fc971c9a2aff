using Microsoft.AspNetCore.Hosting;

namespace Hug.Tests.Support;

public static class WebHostExtensions
{
    public static IWebHostBuilder UseUrlsLoopback(this IWebHostBuilder builder) => builder.UseUrls("http://127.0.0.1:0");
}
