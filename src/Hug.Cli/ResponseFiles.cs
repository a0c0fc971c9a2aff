using System.CommandLine;
using System.Text;

namespace Hug.Cli;

/// <summary>
/// <c>@file</c> tokens, read with bounds: System.CommandLine's own reader expands a response file that includes itself
/// until the stack overflows, reads <c>@/dev/zero</c> until memory runs out and throws on a directory. Here each is
/// a usage error (exit 2, one line): files only, at most <see cref="MaxBytes"/> read in all, nested at most
/// <see cref="MaxDepth"/> deep, never one inside itself. The format is System.CommandLine's: per line, tokens separated
/// by white space (double quotes keep one together), blank lines and lines starting with <c>#</c> skipped.
/// </summary>
internal static class ResponseFiles
{
    public const int MaxBytes = 1024 * 1024;
    public const int MaxDepth = 8;

    /// <summary>The configuration that reads <c>@file</c> tokens this way (a command line without one never needs it).</summary>
    public static ParserConfiguration Configuration => new() { ResponseFileTokenReplacer = TryReplace };

    /// <summary>Whether any token could be a response file.</summary>
    public static bool AnyIn(IReadOnlyList<string> args)
    {
        foreach (var arg in args)
            if (arg.Length > 1 && arg[0] == '@') return true;
        return false;
    }

    private static bool TryReplace(string path, out IReadOnlyList<string>? tokens, out string? error)
    {
        var read = new List<string>();
        var budget = MaxBytes;
        error = Expand(path, read, [], ref budget);
        tokens = error is null ? read : null;
        return error is null;
    }

    /// <summary>Adds the tokens of <paramref name="path"/> (and of the files it names); the error, or null.</summary>
    private static string? Expand(string path, List<string> tokens, List<string> open, ref int budget)
    {
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"Response file '{path}' is not a valid path";
        }
        if (open.Contains(full)) return $"Response file '{path}' includes itself";
        if (open.Count == MaxDepth) return $"Response file '{path}' is nested more than {MaxDepth} deep";
        if (Directory.Exists(full)) return $"Response file '{path}' is a directory";
        if (!File.Exists(full)) return $"Response file not found: '{path}'";
        string text;
        try
        {
            // On its own thread, waited for a bounded time: a pipe nobody writes to (a FIFO) blocks opening and reading
            // forever, and nothing tells a pipe from a file before opening it. A pipe that is written (bash's
            // @<(command)) is read as a file is.
            var limit = budget;
            var reading = Task.Run(() => ReadBounded(full, limit));
            if (!reading.Wait(ReadTimeout)) return $"Response file '{path}' gave nothing to read in {ReadTimeout.TotalSeconds:0} s (a pipe nobody writes to?)";
            (text, var read) = reading.Result;
            budget -= read;
        }
        catch (AggregateException aggregate) when (aggregate.InnerException is { } exception)
        {
            return exception is InvalidDataException
                ? $"Response files are limited to {MaxBytes / 1024 / 1024} MiB in all; '{path}' goes past it"
                : $"Response file '{path}' cannot be read: {exception.Message}";
        }
        open.Add(full);
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#') continue;
            foreach (var token in Split(trimmed))
            {
                if (token.Length > 1 && token[0] == '@')
                {
                    if (Expand(token[1..], tokens, open, ref budget) is { } nested) return nested;
                }
                else tokens.Add(token);
            }
        }
        open.RemoveAt(open.Count - 1);
        return null;
    }

    /// <summary>How long a response file may take to give its text.</summary>
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The file's text, reading no more than the budget left (a device such as /dev/zero never ends).</summary>
    private static (string Text, int Bytes) ReadBounded(string path, int budget)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
        var buffer = new byte[Math.Min(budget + 1, 64 * 1024)];
        using var bytes = new MemoryStream();
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            bytes.Write(buffer, 0, read);
            if (bytes.Length > budget) throw new InvalidDataException();
        }
        return (Encoding.UTF8.GetString(bytes.GetBuffer(), 0, (int)bytes.Length), (int)bytes.Length);
    }

    /// <summary>A line's tokens: separated by white space, a double-quoted part kept together (quotes removed).</summary>
    private static IEnumerable<string> Split(string line)
    {
        var token = new StringBuilder();
        var quoted = false;
        var any = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
                any = true;
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (any) yield return token.ToString();
                token.Clear();
                any = false;
            }
            else
            {
                token.Append(c);
                any = true;
            }
        }
        if (any) yield return token.ToString();
    }
}
