namespace Hug;

/// <summary>
/// A directive: the caller's session, a small store of text values kept between its calls (hug's <c>session</c>). Over
/// HTTP a cookie (<c>hug_session</c>) names it and an <c>IDistributedCache</c> holds it (in memory, or Redis with
/// Hug.Redis, so every instance behind a proxy sees it); it is saved after the call when it changed. Over a WebSocket it
/// is the session the upgrade request's cookie names. On the command line and in process it lasts for the call.
/// </summary>
public sealed class HugSession
{
    private readonly Dictionary<string, string> values;

    internal HugSession(string id, Dictionary<string, string> values, bool isNew, bool isAvailable = true)
    {
        Id = id;
        this.values = values;
        IsNew = isNew;
        IsAvailable = isAvailable;
    }

    /// <summary>A session that lives for one call (the command line, in-process calls).</summary>
    internal static HugSession ForOneCall() => new("", new(StringComparer.Ordinal), isNew: true, isAvailable: false);

    /// <summary>The session's id (the cookie's value); empty for a session that lasts one call.</summary>
    public string Id { get; }

    /// <summary>
    /// Whether values set now will be kept: false on the command line, in process, and while the store is unreachable
    /// (Redis down: the call goes on with an empty session).
    /// </summary>
    public bool IsAvailable { get; }

    /// <summary>The value of <paramref name="key"/>, or null; setting null removes it.</summary>
    public string? this[string key]
    {
        get => values.GetValueOrDefault(key);
        set
        {
            if (value is null) Remove(key);
            else if (!values.TryGetValue(key, out var old) || old != value)
            {
                values[key] = value;
                IsModified = true;
            }
        }
    }

    /// <summary>The keys that have values.</summary>
    public IReadOnlyCollection<string> Keys => values.Keys;

    /// <summary>Removes <paramref name="key"/>; whether it was there.</summary>
    public bool Remove(string key) => values.Remove(key) && (IsModified = true);

    /// <summary>Removes every value (logging out).</summary>
    public void Clear()
    {
        if (values.Count == 0) return;
        values.Clear();
        IsModified = true;
    }

    /// <summary>Whether the caller had no session cookie (over HTTP one is set when the session is saved).</summary>
    internal bool IsNew { get; }

    internal bool IsModified { get; private set; }

    internal IReadOnlyDictionary<string, string> Values => values;
}
