using Hug.Http;
using Microsoft.AspNetCore.Http;

namespace Hug;

/// <summary>What an API declares for HTTP alone: not-found handlers and request body formats.</summary>
public static class HugApiHttpExtensions
{
    extension(HugApi api)
    {
        /// <summary>
        /// Answers unknown URLs with <paramref name="handler"/> instead of the documentation 404; with a
        /// <paramref name="version"/>, only for URLs under <c>/vN/</c> (version-less ones otherwise).
        /// </summary>
        public HugApi OnNotFound(Func<HttpContext, ErrorResponse> handler, int? version = null)
        {
            ArgumentNullException.ThrowIfNull(handler);
            if (!api.Http().NotFoundHandlers.TryAdd(version ?? 0, handler))
                throw new HugConfigurationException($"A not-found handler for {(version is null ? "every version" : $"version {version}")} is already registered.");
            return api;
        }

        /// <summary>Registers a request body format, by its <see cref="InputFormat.MediaType"/>.</summary>
        public HugApi AddInputFormat(InputFormat format)
        {
            ArgumentNullException.ThrowIfNull(format);
            if (!api.Http().InputFormats.TryAdd(format.MediaType, format))
                throw new HugConfigurationException($"An input format for '{format.MediaType}' is already registered.");
            return api;
        }

        /// <summary>The HTTP adapter's state of this API.</summary>
        internal HttpApiState Http() => api.Adapter<HttpApiState>();

        /// <summary>The registered input format for <paramref name="mediaType"/>, if any.</summary>
        internal InputFormat? InputFormat(string? mediaType) =>
            mediaType is not null && api.Http().InputFormats.TryGetValue(mediaType, out var format) ? format : null;
    }
}
