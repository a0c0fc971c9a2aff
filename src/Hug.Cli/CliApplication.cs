using Hug.Pipeline;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

namespace Hug.Cli;

/// <summary>
/// The application's one root command: every <c>[Cli]</c> method as a command (in its groups), plus
/// the built-in commands the application brings (<c>serve</c>, from Hug, when the API has HTTP endpoints). Parse errors are reported in Hug's words, exit code 2.
/// </summary>
/// <remarks>
/// System.CommandLine's <see cref="RootCommand"/> creates <c>--help</c> and <c>--version</c> in its
/// constructor, and their descriptions come from its resources: the first resource lookup costs about
/// 6 ms, a fifth of a command's start-up. So the root is a plain <see cref="Command"/>, and help and
/// version are added only when a token could ask for them (or usage is printed); a command line that
/// starts with a directive (<c>[suggest]</c>) gets a real <see cref="RootCommand"/>, which parses directives.
/// For the same reason the root's own options (<c>--debug</c>, <c>--format</c>) are added only when a
/// token could be an option, and a built-in command (<c>serve</c>) gets its options only when the command line names it:
/// a command's start-up pays for no symbol it cannot meet.
/// </remarks>
internal sealed class CliApplication : IDisposable
{
    public const string DebugVariable = "HUG_DEBUG";
    private readonly HugApi api;
    private readonly Command root;
    private bool optionsAdded;
    private Option<bool>? debug;
    private Option<string>? format;
    private CliEndpoint[] endpoints = []; // arrays, not Lists (ReadOnly.Append says why)
    private bool documented;
    private GroupCommand[] groups = [];
    private readonly CliSession session;
    private Command? builtIn;

    /// <summary>The command line of <paramref name="api"/>, with what <paramref name="host"/> adds (<c>serve</c>, <c>IResult</c> printing; null for nothing).</summary>
    public CliApplication(HugApi api, TextWriter output, TextWriter error, IReadOnlyList<string> args, CliHost? host)
    {
        this.api = api;
        root = args.Count > 0 && args[0].StartsWith('[') ? new RootCommand() : new Command(ProgramName(api.Options));
        if (root is RootCommand || AnyCouldBeOption(args)) AddOptions();
        session = new CliSession(root, output, error, api.Options, Document, AddOptions);
        foreach (var descriptor in api.Endpoints)
            foreach (var options in descriptor.Cli)
                Add(CliEndpoint.Create(descriptor, options, api, host));
        if (host is not null && host.HasBuiltIn(api, endpoints.Length))
        {
            if (Subcommand(root, host.BuiltIn) is { } taken)
                throw NameIsTaken(taken, host);
            root.Subcommands.Add(builtIn = root is RootCommand || Names(args, host.BuiltIn) ? host.CreateBuiltIn(api) : new Command(host.BuiltIn, host.BuiltInDescription));
        }
        root.SetAction(_ =>
        {
            WriteOverview(output);
            return CliExitCodes.Failure;
        });
    }

    /// <summary>
    /// Parses and runs the command line. A command that cannot observe Ctrl+C (a synchronous method without a
    /// <see cref="CancellationToken"/>) runs synchronously, without System.CommandLine's termination handler:
    /// Ctrl+C then ends the process the usual way. The rest run asynchronously, with Ctrl+C as their token.
    /// </summary>
    /// <summary>
    /// Runs the command line. What fails outside a command's own pipeline (writing help or a usage error to a closed or
    /// full stdout or stderr, a fault of the parser) is one line on stderr where it can still be written, exit 1: never a
    /// stack trace, never an abort.
    /// </summary>
    public Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        Task<int> run;
        try
        {
            run = Run(args, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return Task.FromResult(Failed(exception));
        }
        return run.IsCompletedSuccessfully ? run : Guarded(run);
    }

    private async Task<int> Guarded(Task<int> run)
    {
        try
        {
            return await run;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return Failed(exception);
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private int Failed(Exception exception)
    {
        var broken = exception is IOException || exception.InnerException is IOException;
        try
        {
            session.Error.WriteLine(broken ? $"Cannot write the answer: {exception.InnerException?.Message ?? exception.Message}" : $"Failed: {exception.Message}");
            if (session.Debug && !broken) session.Error.WriteLine(exception);
            session.Error.Flush();
        }
        catch (Exception) when (broken)
        {
            // stderr is gone too: the exit code is all that is left to say it.
        }
        return CliExitCodes.Failure;
    }

    private Task<int> Run(string[] args, CancellationToken cancellationToken)
    {
        // @file tokens through Hug's bounded reader; a command line without one never builds its configuration.
        var parseResult = ResponseFiles.AnyIn(args) ? root.Parse(args, ResponseFiles.Configuration) : root.Parse(args);
        session.Debug = (debug is not null && parseResult.GetValue(debug)) || Environment.GetEnvironmentVariable(DebugVariable) is "1" or "true";
        if (format is not null && parseResult.GetValue(format) is { } formatName)
        {
            session.Format = api.FindFormat(formatName);
            if (session.Format is null)
            {
                session.Error.WriteLine($"--format: unknown format '{formatName}'; use one of {string.Join(", ", api.FormatNames)}");
                return Task.FromResult(CliExitCodes.Usage);
            }
        }
        if (!(parseResult.CommandResult.Command is EndpointCommand { Endpoint: var endpoint } && parseResult.Action == endpoint.Command.Action))
            Document();
        // First: the other errors of such a line (a value left over, one that does not convert) follow from it.
        if (AnyCouldBeOption(args) && OptionsTakenAsValues(parseResult, args) is { } unknown)
            return Task.FromResult(ReportUnknownOptions(parseResult, unknown));
        if (parseResult.Errors.Count > 0 && parseResult.Action is ParseErrorAction)
            return Task.FromResult(ReportParseErrors(parseResult));
        // Exceptions come back here (RunAsync): System.CommandLine's own handler would print them with a stack trace.
        var configuration = new InvocationConfiguration { Output = session.Output, Error = session.Error, EnableDefaultExceptionHandler = false };
        return parseResult.Action is SynchronousCommandLineAction
            ? Task.FromResult(parseResult.Invoke(configuration))
            : InvokeAsync(parseResult, configuration, ownsSignals: parseResult.CommandResult.Command == builtIn, cancellationToken);
    }

    /// <summary>
    /// An asynchronous command: Ctrl+C cancels its token, and it has ten seconds to finish before the process ends.
    /// The built-in command (<c>serve</c>: a host with its own console lifetime and shutdown timeout) handles the
    /// signals itself.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static Task<int> InvokeAsync(ParseResult parseResult, InvocationConfiguration configuration, bool ownsSignals, CancellationToken cancellationToken)
    {
        configuration.ProcessTerminationTimeout = ownsSignals ? null : TimeSpan.FromSeconds(10);
        return parseResult.InvokeAsync(configuration, cancellationToken);
    }

    public void Dispose() => api.ReleaseCallServices();

    /// <summary>
    /// Whether a token could be an option (<c>--help</c>, <c>--debug</c>, their aliases, alone or in a
    /// bundle of short options), or a response file that holds one.
    /// </summary>
    private static bool AnyCouldBeOption(IReadOnlyList<string> args)
    {
        foreach (var token in args)
            if (token.Length > 1 && token[0] is '-' or '/' or '@') return true;
        return false;
    }

    /// <summary>Whether a token is <paramref name="name"/>, or is a response file that could be.</summary>
    private static bool Names(IReadOnlyList<string> args, string name)
    {
        foreach (var token in args)
            if (token == name || token.StartsWith('@')) return true;
        return false;
    }

    /// <summary>Adds the root's options (once): System.CommandLine's <c>--help</c> and <c>--version</c>, then <c>--debug</c> and <c>--format</c>.</summary>
    private void AddOptions()
    {
        if (optionsAdded) return;
        optionsAdded = true;
        if (root is not RootCommand)
        {
            root.Options.Add(new HelpOption());
            root.Options.Add(new VersionOption());
        }
        root.Options.Add(debug = new("--debug") { Description = $"Show the stack trace when a command fails (also {DebugVariable}=1)", Recursive = true });
        root.Options.Add(format = new("--format")
        {
            Description = "Print results as json, pretty-json, text, html or another registered format (default: plain scalars, indented JSON)",
            Recursive = true,
        });
    }

    /// <summary>Fills in every help text; only help, usage and the overview need them.</summary>
    private void Document()
    {
        if (documented) return;
        documented = true;
        root.Description = api.Overview;
        foreach (var group in groups) group.Description = group.Documented.TypeSummary;
        foreach (var endpoint in endpoints) endpoint.Document();
    }

    private void Add(CliEndpoint endpoint)
    {
        Command parent = root;
        for (var i = 0; i < endpoint.Path.Count - 1; i++)
        {
            var group = endpoint.Path[i];
            var existing = Subcommand(parent, group);
            if (existing is EndpointCommand { Endpoint: var command })
                throw new HugConfigurationException($"{endpoint.Descriptor.DisplayName}: group '{group}' has the name of the command of {command.Descriptor.DisplayName}.");
            if (existing is null)
            {
                var created = new GroupCommand(group, endpoint.Descriptor);
                groups = ReadOnly.Append(groups, created);
                existing = created;
                parent.Subcommands.Add(existing);
            }
            parent = existing;
        }
        var taken = Subcommand(parent, endpoint.Name);
        if (taken is not null)
            throw new HugConfigurationException(taken is EndpointCommand { Endpoint: var other }
                ? $"{endpoint.Descriptor.DisplayName}: duplicate command '{string.Join(' ', endpoint.Path)}', already taken by {other.Descriptor.DisplayName}."
                : $"{endpoint.Descriptor.DisplayName}: command '{string.Join(' ', endpoint.Path)}' has the name of a command group.");
        if (endpoint.ObservesCancellation) SetAsyncAction(endpoint);
        else endpoint.Command.SetAction(parseResult => endpoint.InvokeAsync(parseResult, session, CancellationToken.None).GetAwaiter().GetResult());
        parent.Subcommands.Add(endpoint.Command);
        endpoints = ReadOnly.Append(endpoints, endpoint);
    }

    /// <summary>An action that gets Ctrl+C as its token (a method of its own: the delegate type loads only for such commands).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void SetAsyncAction(CliEndpoint endpoint) =>
        endpoint.Command.SetAction((parseResult, cancellationToken) => endpoint.InvokeAsync(parseResult, session, cancellationToken));

    private static HugConfigurationException NameIsTaken(Command taken, CliHost host) => taken is EndpointCommand { Endpoint: var command }
        ? new($"{command.Descriptor.DisplayName}: the command name '{host.BuiltIn}' is taken by {host.BuiltInOwner}; rename the command.")
        : new($"{((GroupCommand)taken).Documented.DisplayName}: the group name '{host.BuiltIn}' is taken by {host.BuiltInOwner}; rename the group.");

    private static string ProgramName(HugOptions options) => options.ProgramName is { } name ? Checked(name) : RootCommand.ExecutableName;

    /// <summary>A set program name, checked (a method of its own: the usual null path loads nothing more at start-up).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static string Checked(string name)
    {
        foreach (var c in name)
            if (char.IsWhiteSpace(c)) throw new HugConfigurationException($"ProgramName '{name}': a program's name is one word, without white space.");
        return name.Length > 0 ? name : throw new HugConfigurationException("ProgramName is empty: a program's name is one word.");
    }

    private static Command? Subcommand(Command parent, string name)
    {
        foreach (var command in parent.Subcommands)
            if (command.Name == name) return command;
        return null;
    }

    /// <summary>hug's "Available Commands" page, shown when no command is given.</summary>
    private void WriteOverview(TextWriter output)
    {
        output.WriteLine(api.Overview);
        output.WriteLine();
        output.WriteLine("Available Commands:");
        output.WriteLine();
        foreach (var (path, description) in Commands(root, ""))
            output.WriteLine(Truncate($" - {path}: {description}"));
        output.WriteLine();
        output.WriteLine("Run with --help, or COMMAND --help, for the options.");
    }

    private static IEnumerable<(string Path, string? Description)> Commands(Command command, string prefix)
    {
        foreach (var sub in command.Subcommands)
        {
            if (sub.Subcommands.Count > 0 && sub.Action is null)
                foreach (var nested in Commands(sub, prefix + sub.Name + " ")) yield return nested;
            else
                yield return (prefix + sub.Name, FirstLine(sub.Description));
        }
    }

    private int ReportParseErrors(ParseResult parseResult)
    {
        var error = session.Error;
        var command = parseResult.CommandResult.Command;
        var missing = command is EndpointCommand { Endpoint: var endpoint }
            ? endpoint.Parameters.Where(p => p.IsMissingArgument(parseResult)).Select(p => p.Parameter.Name).ToList()
            : [];
        foreach (var name in missing) error.WriteLine($"{name}: Required parameter '{name}' not supplied");
        foreach (var parseError in parseResult.Errors)
            if (missing.Count == 0 || !parseError.Message.StartsWith("Required argument missing", StringComparison.Ordinal))
                error.WriteLine(AsUnknownOption(parseError.Message, parseResult.UnmatchedTokens));
        foreach (var token in parseResult.UnmatchedTokens)
            if (Closest(token, LooksLikeOption(token) ? OptionNames(command) : command.Subcommands.Select(c => c.Name)) is { } suggestion)
                error.WriteLine($"Did you mean '{suggestion}'?");
        return UsageFailure(parseResult);
    }

    /// <summary>System.CommandLine's words for a left-over <c>-x</c>, in the words used for one taken as a value: one message for an unknown option.</summary>
    private static string AsUnknownOption(string message, IReadOnlyList<string> unmatched)
    {
        foreach (var token in unmatched)
            if (LooksLikeOption(token) && message == $"Unrecognized command or argument '{token}'.") return $"Unrecognized option '{token}'.";
        return message;
    }

    /// <summary>The usage after the error lines (for serve, the line naming the problem is the whole answer); exit 2.</summary>
    private int UsageFailure(ParseResult parseResult)
    {
        if (parseResult.CommandResult.Command == builtIn) return CliExitCodes.Usage;
        session.Error.WriteLine();
        session.WriteUsage(PathOf(parseResult.CommandResult));
        return CliExitCodes.Usage;
    }

    /// <summary>
    /// Tokens that look like options (<c>--excitd</c>, <c>-x</c>) which System.CommandLine, matching no option, gave to a
    /// positional argument as its value: a usage error, as in hug, not data. After <c>--</c> a value may start with '-';
    /// so may a number (<c>-5</c>) and an option's own value (<c>--text -hello</c>). Null when there is none.
    /// </summary>
    private static List<string>? OptionsTakenAsValues(ParseResult parseResult, string[] args)
    {
        var dashDash = Array.IndexOf(args, "--");
        List<string>? found = null;
        foreach (var child in parseResult.CommandResult.Children)
            if (child is ArgumentResult argument)
                foreach (var token in argument.Tokens)
                    if (LooksLikeOption(token.Value) && (dashDash < 0 || Array.IndexOf(args, token.Value) is >= 0 and var at && at < dashDash))
                        (found ??= []).Add(token.Value);
        return found;
    }

    private int ReportUnknownOptions(ParseResult parseResult, List<string> unknown)
    {
        foreach (var token in unknown)
        {
            session.Error.WriteLine($"Unrecognized option '{token}'.");
            if (Closest(token, OptionNames(parseResult.CommandResult.Command)) is { } suggestion)
                session.Error.WriteLine($"Did you mean '{suggestion}'?");
        }
        return UsageFailure(parseResult);
    }

    /// <summary>'-' or '--' then a letter: an option's shape (a negative number is not one).</summary>
    private static bool LooksLikeOption(string token) =>
        token.Length > 1 && token[0] == '-' && (char.IsLetter(token[1]) || (token.Length > 2 && token[1] == '-' && char.IsLetter(token[2])));

    private static IEnumerable<string> OptionNames(Command command)
    {
        foreach (var option in command.Options)
        {
            yield return option.Name;
            foreach (var alias in option.Aliases) yield return alias;
        }
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
            foreach (var option in parent.Options.Where(o => o.Recursive))
                yield return option.Name;
    }

    private static List<string> PathOf(CommandResult result)
    {
        var path = new List<string>();
        for (SymbolResult? current = result; current is CommandResult { Parent: not null } commandResult; current = current.Parent)
            path.Insert(0, commandResult.Command.Name);
        return path;
    }

    /// <summary>The candidate nearest to <paramref name="token"/> by edit distance, if near enough to be a typo.</summary>
    internal static string? Closest(string token, IEnumerable<string> candidates)
    {
        if (token is ['-', _]) return null; // any other short option is one letter away: no suggestion means anything
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(token.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance) (best, bestDistance) = (candidate, distance);
        }
        return best is not null && (bestDistance <= Math.Max(1, best.Length / 3) || best.StartsWith(token, StringComparison.OrdinalIgnoreCase)) ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }

    private static string? FirstLine(string? text) => text?.Split('\n')[0].Trim();

    private static string Truncate(string line) => line.Length <= 80 ? line : line[..77] + "...";
}
