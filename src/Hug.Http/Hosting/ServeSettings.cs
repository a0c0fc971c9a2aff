namespace Hug.Hosting;

/// <summary>
/// What <c>serve</c> was told: where to listen (explicit <paramref name="Urls"/>, else <paramref name="Host"/> and
/// <paramref name="Port"/>, else the configured URLs, else http://localhost:8000), whether cleartext endpoints speak
/// HTTP/2, how long stopping may take, and whether requests are logged. Null: what configuration (or Hug's default) says.
/// </summary>
internal sealed record ServeSettings(
    string? Urls = null,
    string? Host = null,
    int? Port = null,
    bool CleartextHttp2 = false,
    TimeSpan? ShutdownTimeout = null,
    bool LogRequests = false)
{
    /// <summary>The addresses and protocols the builder ends up with; no checks (a test server, a hosting tool).</summary>
    public static readonly ServeSettings None = new();
}

/// <summary>
/// An address or setting <c>serve</c> cannot use, said in one line (exit 2: the user's input is wrong). An
/// <see cref="ArgumentException"/> to callers of the public <c>HugWebHost.Build</c>.
/// </summary>
internal sealed class ServeUsageException(string message) : ArgumentException(message);
