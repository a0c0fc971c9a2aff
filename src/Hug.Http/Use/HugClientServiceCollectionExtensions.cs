using Hug.Use;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers an HTTP <see cref="Hug.IHugClient"/> whose <see cref="HttpClient"/> comes from <c>IHttpClientFactory</c>.</summary>
public static class HugClientServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="Hug.IHugClient"/> calls the API at <paramref name="address"/> over HTTP with a client from
    /// <c>IHttpClientFactory</c> (pooled handlers, DNS refresh). The builder returned is the factory's: add resilience
    /// there (<c>.AddStandardResilienceHandler()</c> from Microsoft.Extensions.Http.Resilience), logging or handlers.
    /// </summary>
    public static IHttpClientBuilder AddHugClient(this IServiceCollection services, Uri address, Hug.HugApi? api = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(address);
        return services.AddHttpClient("Hug", http => http.BaseAddress = address)
            .AddTypedClient<Hug.IHugClient>((http, _) => new HttpHugClient(http, false, api));
    }
}
