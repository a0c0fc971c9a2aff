using System.CommandLine;

namespace Hug.Cli;

/// <summary>One run of the command line: its writers, JSON settings, debug switch and usage printer.</summary>
internal sealed class CliSession(Command root, TextWriter output, TextWriter error, HugOptions options, Action document, Action addHelp)
{
    public TextWriter Output { get; } = output;
    public TextWriter Error { get; } = error;
    /// <summary>The API's JSON settings, created only when a value needs JSON.</summary>
    public HugOptions Options { get; } = options;
    public bool Debug { get; set; }

    /// <summary>The output format asked for with <c>--format</c>; null for the command line's own (plain scalars, indented JSON).</summary>
    public OutputFormat? Format { get; set; }

    /// <summary>Writes the help of the command at <paramref name="path"/> to the error writer.</summary>
    public void WriteUsage(IReadOnlyList<string> path)
    {
        document();
        addHelp();
        root.Parse([.. path, "--help"]).Invoke(new InvocationConfiguration { Output = Error, Error = Error });
    }
}
