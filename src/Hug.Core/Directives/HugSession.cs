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
    public string Id { get; private set; }

    /// <summary>
    /// Gives the session a new id and keeps its values: call it when the caller logs in or gains a privilege, so that an
    /// id known before (a cookie someone planted, one seen on a shared machine) opens nothing afterwards. Over HTTP the
    /// new id's cookie is set and the old id forgotten when the session is saved; nothing happens to a session that is not
    /// kept (the command line, in process).
    /// </summary>
    public void Renew()
    {
        if (!IsAvailable) return;
        ReplacedId ??= Id;
        Id = NewId();
        IsNew = true;
        IsModified = true;
    }

    /// <summary>128 random bits as lower-case hex: not guessable, and nothing else is accepted as an id.</summary>
    internal static string NewId() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    /// <summary>The id <see cref="Renew"/> replaced, which the store forgets when the session is saved; null if none.</summary>
    internal string? ReplacedId { get; private set; }

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

    /// <summary>Whether the caller's cookie names no session of the store (none, unknown, renewed): one is set when the session is saved.</summary>
    internal bool IsNew { get; private set; }

    internal bool IsModified { get; private set; }

    internal IReadOnlyDictionary<string, string> Values => values;
}
