namespace Hug;

/// <summary>
/// The session of a WebSocket endpoint's connection (a method called over a WebSocket takes a <see cref="HugSession"/>
/// parameter instead): the one the upgrade request's cookie names, read fresh and saved when asked, so what an HTTP
/// call or another instance stored in between is seen.
/// </summary>
public static class WebSocketSessionExtensions
{
    extension(WebSocketConnection connection)
    {
        /// <summary>Reads the connection's session from the store (empty, and not kept, when the upgrade request had no session cookie).</summary>
        public Task<HugSession> ReadSessionAsync() => Sessions.SessionStore.LoadAsync(connection.Http);

        /// <summary>Saves what <paramref name="session"/> changed (a cookie cannot be set on an open WebSocket: a new session is not kept).</summary>
        public Task SaveSessionAsync(HugSession session)
        {
            ArgumentNullException.ThrowIfNull(session);
            return Sessions.SessionStore.SaveAsync(connection.Http, session, setCookie: false);
        }
    }
}
