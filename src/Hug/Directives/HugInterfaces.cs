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

    /// <summary>In-process calls, such as a sibling endpoint called through <see cref="CurrentApi"/>.</summary>
    Local = 4,

    /// <summary>Every interface.</summary>
    All = Http | Cli | Local,
}
