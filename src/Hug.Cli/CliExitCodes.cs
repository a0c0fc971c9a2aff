namespace Hug;

/// <summary>The exit codes of the command line.</summary>
public static class CliExitCodes
{
    /// <summary>The command ran.</summary>
    public const int Success = 0;

    /// <summary>The command (or a requirement) failed; the message is on stderr.</summary>
    public const int Failure = 1;

    /// <summary>A usage or validation error; stderr names the problem and shows the usage.</summary>
    public const int Usage = 2;

    /// <summary>Ctrl+C (SIGINT) or SIGTERM cancelled the command.</summary>
    public const int Cancelled = 130;

    /// <summary>A streamed result's reader went away (its pipe closed): the stream stopped, as a Unix tool stops on SIGPIPE (128 + 13).</summary>
    public const int BrokenPipe = 141;
}
