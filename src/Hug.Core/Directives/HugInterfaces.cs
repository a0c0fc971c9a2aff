namespace Hug;

/// <summary>The interfaces a method can be exposed on; a set, for scoping requirements.</summary>
[Flags]
public enum HugInterfaces
{
    /// <summary>No interface.</summary>
    None = 0,

    /// <summary>HTTP (Kestrel).</summary>
    Http = 1,

    /// <summary>The command line.</summary>
    Cli = 2,

    /// <summary>In-process calls through the pipeline: <see cref="HugApi.Local"/>, and sibling endpoints called through <see cref="CurrentApi"/>.</summary>
    Local = 4,

    /// <summary>Calls over the API's WebSocket call endpoint (<c>{"id", "call", "args"}</c>).</summary>
    WebSocket = 8,

    /// <summary>Every interface.</summary>
    All = Http | Cli | Local | WebSocket,
}
