using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hug.Sessions;

/// <summary>
/// Loads and saves <see cref="HugSession"/>s: the <c>hug_session</c> cookie names one, the registered
/// <see cref="IDistributedCache"/> holds its values (one JSON object under <c>hug-session:{id}</c>, 20 minutes after its
/// last change). A store that fails (Redis away) never fails the call: it goes on with an empty session that is not kept.
/// </summary>
internal static class SessionStore
{
    public const string CookieName = "hug_session";
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(20);
    private static readonly Lazy<IDistributedCache> InMemory = new(() =>
        new MemoryDistributedCache(Microsoft.Extensions.Options.Options.Create(new Microsoft.Extensions.Caching.Memory.MemoryDistributedCacheOptions())));

    /// <summary>
    /// The session the request's cookie names, when the store holds it; else a new one (a new id, set on the first save).
    /// An id the server did not issue, or one expired, is never adopted: a cookie planted in a victim's browser would
    /// otherwise become the victim's session, readable by whoever planted it. Two cookies of the name: neither is taken.
    /// </summary>
    public static async Task<HugSession> LoadAsync(HttpContext http)
    {
        var id = SessionCookie(http.Request);
        if (id is null || !IsId(id)) return New();
        try
        {
            var stored = await Cache(http).GetAsync(Key(id), http.RequestAborted);
            return stored is null ? New() : new HugSession(id, Decode(stored), isNew: false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log(http).LogWarning("The session store is unreachable ({Reason}): this call has an empty session that is not kept.", exception.Message);
            return new HugSession(id, new(StringComparer.Ordinal), isNew: false, isAvailable: false);
        }
    }

    /// <summary>
    /// Saves a session the call changed, and (<paramref name="setCookie"/>, before the response starts) gives a new one
    /// its cookie. A session emptied is removed from the store.
    /// </summary>
    public static async Task SaveAsync(HttpContext http, HugSession session, bool setCookie)
    {
        // A new session is kept only if its cookie can be set: saved under an id no client holds, nobody would read it.
        if (!session.IsModified || !session.IsAvailable || (session.IsNew && !setCookie)) return;
        try
        {
            if (session.ReplacedId is { } replaced) await Cache(http).RemoveAsync(Key(replaced), http.RequestAborted); // renewed: the old id opens nothing
            if (session.Values.Count == 0) await Cache(http).RemoveAsync(Key(session.Id), http.RequestAborted);
            else await Cache(http).SetAsync(Key(session.Id), Encode(session.Values), new DistributedCacheEntryOptions { SlidingExpiration = IdleTimeout }, http.RequestAborted);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log(http).LogWarning("The session store is unreachable ({Reason}): this call's session changes are lost.", exception.Message);
            return;
        }
        if (setCookie && session.IsNew && session.Values.Count > 0 && !http.Response.HasStarted)
            http.Response.Cookies.Append(CookieName, session.Id, new CookieOptions
            {
                HttpOnly = true, // scripts never see it
                SameSite = SameSiteMode.Lax,
                Secure = http.Request.IsHttps,
                Path = "/",
                IsEssential = true,
            });
    }

    private static IDistributedCache Cache(HttpContext http) => http.RequestServices.GetService<IDistributedCache>() ?? InMemory.Value;

    private static ILogger Log(HttpContext http) => http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Hug.Sessions");

    private static string Key(string id) => "hug-session:" + id;

    private static HugSession New() => new(HugSession.NewId(), new(StringComparer.Ordinal), isNew: true);

    /// <summary>The value of the one <c>hug_session</c> cookie; null when there is none, or more than one.</summary>
    private static string? SessionCookie(HttpRequest request)
    {
        string? found = null;
        foreach (var header in request.Headers.Cookie)
        {
            foreach (var part in (header ?? "").Split(';'))
            {
                var pair = part.AsSpan().Trim();
                if (!pair.StartsWith(CookieName + "=", StringComparison.Ordinal)) continue;
                if (found is not null) return null;
                found = pair[(CookieName.Length + 1)..].ToString();
            }
        }
        return found;
    }

    private static bool IsId(string id) => id.Length == 32 && id.All(char.IsAsciiHexDigitLower);

    private static byte[] Encode(IReadOnlyDictionary<string, string> values)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in values) writer.WriteString(key, value);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static Dictionary<string, string> Decode(byte[] stored)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(stored);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            values[key] = reader.GetString() ?? "";
        }
        return values;
    }
}
