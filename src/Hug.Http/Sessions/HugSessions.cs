using Microsoft.AspNetCore.Http;

namespace Hug
{
    /// <summary>
    /// Compiles the session store into a Native AOT program. The source generator calls <see cref="Include"/> for a
    /// program whose methods take a <see cref="HugSession"/>; call it yourself before serving only when such a method is
    /// registered in code. With the JIT the store is always there.
    /// </summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static class HugSessions
    {
        /// <summary>Makes the session store available (idempotent).</summary>
        public static void Include() => Sessions.SessionDoor.Open(Sessions.SessionStore.LoadAsync, Sessions.SessionStore.SaveAsync);
    }
}

namespace Hug.Sessions
{
    /// <summary>
    /// How HTTP endpoints and WebSocket calls reach the session store: through delegates <see cref="HugSessions.Include"/>
    /// sets, so a native program none of whose methods takes a session carries neither the store nor its in-memory cache
    /// (104 KB of examples/Addition, measured).
    /// </summary>
    internal static class SessionDoor
    {
        private static Func<HttpContext, Task<HugSession>>? load;
        private static Func<HttpContext, HugSession, bool, Task>? save;

        public static void Open(Func<HttpContext, Task<HugSession>> loader, Func<HttpContext, HugSession, bool, Task> saver)
        {
            load = loader;
            save = saver;
        }

        /// <summary>Whether the store is there: always with the JIT; in a native program, where <see cref="HugSessions.Include"/> ran.</summary>
        public static bool IsOpen
        {
            get
            {
                if (load is null && System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported) HugSessions.Include();
                return load is not null;
            }
        }

        public static Task<HugSession> LoadAsync(HttpContext http) => (load ?? throw Closed())(http);

        public static Task SaveAsync(HttpContext http, HugSession session, bool setCookie) => (save ?? throw Closed())(http, session, setCookie);

        public static HugConfigurationException Closed() =>
            new("A method takes HugSession, but this program was published without the session store; call HugSessions.Include() before serving.");
    }
}
