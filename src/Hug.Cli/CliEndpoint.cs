using Hug.Formats;
using System.CommandLine;
using Hug.Binding;
using Hug.Introspection;
using Hug.Invocation;
using Hug.Pipeline;
using Microsoft.Extensions.Primitives;

namespace Hug.Cli;

/// <summary>One exposed method as a command: its System.CommandLine command and the action that binds, invokes and prints.</summary>
internal sealed class CliEndpoint
{
    private Dictionary<string, (Option<string> Option, string Variable)>? credentials;

    private CliEndpoint(EndpointDescriptor descriptor, CliCommandOptions options, HugApi api, CliHost? host)
    {
        Descriptor = descriptor;
        ResultType = TypeShape.ResultType(descriptor);
        StreamItem = descriptor.ResultShape.StreamItem;
        // A value type never is one: asking would load the printer's types for nothing.
        printsResult = host is not null && !ResultType.IsValueType && host.Prints(ResultType);
        this.host = host;
        Api = api;
        Requirements = api.RequirementsFor(descriptor, HugInterfaces.Cli, options.Requires);
        Transforms = api.TransformsFor(descriptor, HugInterfaces.Cli, options.Transforms);
        ObservesCancellation = descriptor.ReturnKind is not (ReturnKind.Value or ReturnKind.Void)
            || descriptor.Takes(ContextValue.CancellationToken)
            || StreamItem is not null;
        Name = options.Name ?? Naming.Kebab(descriptor.Name);
        var path = new string[options.Groups.Count + 1];
        for (var i = 0; i < options.Groups.Count; i++) path[i] = options.Groups[i];
        path[^1] = Name;
        Path = path;
        foreach (var parameter in descriptor.Parameters)
            if (parameter.IsHttpOnly)
                throw new HugConfigurationException(
                    $"{descriptor.DisplayName}: parameter '{parameter.Name}' ({parameter.Type.Name}) is not available on the command line; expose the method over HTTP only.");
        Parameters = CliParameter.For(descriptor, api);
        Command = new EndpointCommand(Name, this);
        foreach (var parameter in Parameters) parameter.AddTo(Command);
        if (Requirements.Count > 0) AddCredentialOptions();
        CliParameter.AddShortOptions(Command, Parameters, descriptor.DisplayName);
    }

    /// <summary>An option per credential the requirements read (<c>--token</c>), each also read from its environment variable.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void AddCredentialOptions()
    {
        credentials = new(StringComparer.Ordinal);
        foreach (var credential in Requirements.SelectMany(r => r.CliCredentials))
        {
            if (credentials.ContainsKey(credential.Name)) continue;
            var option = new Option<string>("--" + credential.Name) { Description = $"{credential.Description} (or {credential.EnvironmentVariable})" };
            credentials[credential.Name] = (option, credential.EnvironmentVariable);
            Command.Options.Add(option);
        }
    }

    private HugApi Api { get; }

    /// <summary>The transforms applied to results on the command line.</summary>
    private IReadOnlyList<ITransform> Transforms { get; }

    /// <summary>The requirements that apply on the command line, checked in order before binding.</summary>
    public IReadOnlyList<Requirement> Requirements { get; }

    /// <summary>A credential from its option, else its environment variable; null when the requirements read none.</summary>
    private Func<string, string?>? Credentials(ParseResult parseResult) => credentials is null ? null : CredentialReader(credentials, parseResult);

    private static Func<string, string?> CredentialReader(Dictionary<string, (Option<string> Option, string Variable)> credentials, ParseResult parseResult) => name =>
        credentials.TryGetValue(name, out var source)
            ? parseResult.GetValue(source.Option) ?? Environment.GetEnvironmentVariable(source.Variable)
            : null;

    /// <summary>Each bad or missing value as <c>name: problem</c> (the HTTP messages), then the command's usage; exit code 2.</summary>
    private int ReportBindingErrors(BindingContext context, CliSession session)
    {
        foreach (var error in context.Errors) session.Error.WriteLine(error.Key + ": " + error.Value);
        session.Error.WriteLine();
        session.WriteUsage(Path);
        return CliExitCodes.Usage;
    }

    /// <summary>Fills in the help texts (XML docs are read here, only when help or usage is shown).</summary>
    public void Document()
    {
        Command.Description = Descriptor.Summary;
        foreach (var parameter in Parameters) parameter.Document();
    }

    public EndpointDescriptor Descriptor { get; }

    /// <summary>Whether the method can see Ctrl+C: it takes a <see cref="CancellationToken"/>, or its result is awaited or streamed.</summary>
    public bool ObservesCancellation { get; }
    public string Name { get; }
    public IReadOnlyList<string> Path { get; }
    public Command Command { get; }
    public CliParameter[] Parameters { get; }

    /// <summary>The method's result type (<see cref="NoResult"/> for none); results reach the command line as objects, printed once.</summary>
    private Type ResultType { get; }

    /// <summary>The item type of a streamed result (<c>IAsyncEnumerable&lt;T&gt;</c>), else null.</summary>
    private TypeShape? StreamItem { get; }

    /// <summary>What the application adds (<c>serve</c>, printing ASP.NET Core's <c>IResult</c>, the documentation); null for nothing.</summary>
    private readonly CliHost? host;

    /// <summary>Whether results are of a kind the host prints (ASP.NET Core's <c>IResult</c>).</summary>
    private readonly bool printsResult;

    /// <summary>The command of one endpoint; <paramref name="host"/> prints results of types the adapter cannot see (ASP.NET Core's <c>IResult</c>), null for none.</summary>
    public static CliEndpoint Create(EndpointDescriptor descriptor, CliCommandOptions options, HugApi api, CliHost? host) =>
        new(descriptor, options, api, host);

    /// <summary>Runs the command; the result is the exit code.</summary>
    public Task<int> InvokeAsync(ParseResult parseResult, CliSession session, CancellationToken cancellationToken)
    {
        // Built here, not at start-up: a run calls one command, and only its binders and pipeline are needed.
        var pipeline = CallPipeline.Direct(Api, Descriptor, Requirements, Transforms);
        var values = new StringValues[Parameters.Length];
        for (var i = 0; i < values.Length; i++) values[i] = Parameters[i].Read(parseResult);
        var startup = Api.Startup.RunOnceAsync(Api, cancellationToken);
        var context = new CliBindingContext(Api.CallServices, Parameters, values, cancellationToken, Api, Descriptor.DisplayName, Credentials(parseResult));
        return startup.IsCompletedSuccessfully && IsPlainCall(session)
            ? Task.FromResult(Call(pipeline, context, session))
            : CallAsync(startup, pipeline, context, session, cancellationToken);
    }

    /// <summary>Whether nothing in the call waits: a synchronous method, no requirement, transform or call context, the usual output.</summary>
    private bool IsPlainCall(CliSession session) =>
        Descriptor.ReturnKind is ReturnKind.Value or ReturnKind.Void && StreamItem is null
        && Requirements.Count == 0 && Transforms.Count == 0 && !Descriptor.UsesCallContext && session.Format is null;

    /// <summary>
    /// A plain call, synchronously (<see cref="CallPipeline.RunSynchronousBoxed"/>). No async state machine:
    /// ReadyToRun cannot precompile the start of one declared in Hug, so each one a command meets is
    /// compiled by the JIT at start-up.
    /// </summary>
    private int Call(CallPipeline pipeline, CliBindingContext context, CliSession session)
    {
        try
        {
            var result = pipeline.RunSynchronousBoxed(context, out var failure);
            if (failure is not null) return Answer(failure, context, session);
            if (printsResult && result is not null) return host!.Print(result, session);
            Write(result, session.Output, session.Options);
            return CliExitCodes.Success;
        }
        catch (Exception exception)
        {
            // Thrown while printing the result (a type JSON cannot write): one line, exit 1, as the method's own exceptions.
            return Answer(pipeline.Fail(exception, context), context, session);
        }
        finally
        {
            var disposing = context.DisposeAsync();
            if (!disposing.IsCompletedSuccessfully) disposing.AsTask().GetAwaiter().GetResult();
        }
    }

    private async Task<int> CallAsync(Task startup, CallPipeline pipeline, CliBindingContext context, CliSession session, CancellationToken cancellationToken)
    {
        await using (context)
        {
            await startup;
            if (host is not null && Descriptor.UsesCallContext) host.PrepareCall(Api);
            try
            {
                var outcome = await pipeline.RunBoxedAsync(context);
                if (outcome.Failure is { } failure) return Answer(failure, context, session);
                if (outcome.IsTransformed)
                {
                    await PrintAsync(outcome.Transformed, outcome.Transformed?.GetType() ?? typeof(object), session);
                    return CliExitCodes.Success;
                }
                if (printsResult && outcome.Value is { } special) return host!.Print(special, session);
                if (session.Format is not null && StreamItem is null)
                {
                    if (ResultType != typeof(NoResult)) await PrintAsync(outcome.Value, ResultType, session);
                    return CliExitCodes.Success;
                }
                using var pipe = StreamItem is not null ? PipeOutput(session.Output) : null;
                try
                {
                    await WriteAsync(outcome.Value, pipe ?? session.Output, session.Options, cancellationToken);
                }
                catch (IOException) when (pipe is not null)
                {
                    return CliExitCodes.BrokenPipe; // `app stream | head`: the reader has what it wanted; the stream stops quietly
                }
                return CliExitCodes.Success;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await session.Error.WriteLineAsync("Cancelled.");
                return CliExitCodes.Cancelled;
            }
            catch (Exception exception)
            {
                // Thrown while printing a stream's items: mapped as the pipeline maps the method's own exceptions.
                return Answer(pipeline.Fail(exception, context), context, session);
            }
        }
    }

    /// <summary>
    /// A failed call on the command line: a refused requirement's message (exit 1), every binding
    /// error then the usage (exit 2), a handler's body (exit 1), or the exception's message, its
    /// stack trace with <c>--debug</c> (exit 1).
    /// </summary>
    private int Answer(CallFailure failure, CliBindingContext context, CliSession session)
    {
        switch (failure.Kind)
        {
            case FailureKind.Refused:
                session.Error.WriteLine($"{failure.Refusal!.Title}: {failure.Refusal.Message}");
                return CliExitCodes.Failure;
            case FailureKind.Invalid or FailureKind.Rejected:
                return ReportBindingErrors(context, session);
            case FailureKind.Handled:
                if (failure.Handled!.Body is { } body) session.Error.WriteLine(PlainText.Format(body, body.GetType(), session.Options));
                return CliExitCodes.Failure;
            default:
                session.Error.WriteLine(session.Debug ? failure.Exception!.ToString() : $"{Descriptor.DisplayName} failed: {failure.Exception!.Message}");
                return CliExitCodes.Failure;
        }
    }

    /// <summary>A result in the <c>--format</c> asked for, or the command line's own.</summary>
    private static async Task PrintAsync(object? value, Type type, CliSession session)
    {
        var text = session.Format is { } format
            ? System.Text.Encoding.UTF8.GetString(format.Render(value, type, session.Options.ReadOnlyJson).Span)
            : PlainText.Format(value, type, session.Options);
        if (text is not null) await session.Output.WriteLineAsync(text);
    }

    /// <summary>
    /// Standard output as a stream of its own, for a streamed result going into a pipe: the console silently drops what is
    /// written to a pipe whose reader has gone (EPIPE), so an endless stream piped into <c>head</c> never ended; written
    /// here, that failure shows and the stream stops. Null where the output is not the process's redirected stdout.
    /// </summary>
    private static StreamWriter? PipeOutput(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && Console.IsOutputRedirected && !OperatingSystem.IsWindows()
            ? new StreamWriter(new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0),
                new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false))
            : null;

    /// <summary>Prints a result: a stream item by item as they arrive, anything else at once (synchronously: a command's output is a console).</summary>
    private Task WriteAsync(object? result, TextWriter output, HugOptions options, CancellationToken cancellationToken)
    {
        if (StreamItem is not null && result is not null)
            return StreamItem.Accept(AsyncStreamPrinters.Instance).PrintAsync(result, output, options, cancellationToken);
        Write(result, output, options);
        return Task.CompletedTask;
    }

    /// <summary>A whole result: scalars plain, the rest as indented JSON, nothing for void or null.</summary>
    private void Write(object? result, TextWriter output, HugOptions options)
    {
        if (result is null || ResultType == typeof(NoResult)) return;
        if (PlainText.Format(result, ResultType, options) is { } text) output.WriteLine(text);
        output.Flush();
    }
}

/// <summary>A method's command; it knows its endpoint, so a parse result leads back to it without a lookup table.</summary>
internal sealed class EndpointCommand(string name, CliEndpoint endpoint) : Command(name)
{
    public CliEndpoint Endpoint => endpoint;
}

/// <summary>A command group (<c>app users …</c>); its help text is the summary of the class that declared it.</summary>
internal sealed class GroupCommand(string name, EndpointDescriptor documented) : Command(name)
{
    public EndpointDescriptor Documented => documented;
}

internal interface IAsyncStreamPrinter
{
    Task PrintAsync(object stream, TextWriter output, HugOptions options, CancellationToken cancellationToken);
}

/// <summary>Prints each item of an <c>IAsyncEnumerable</c> on its own line as it arrives.</summary>
internal sealed class AsyncStreamPrinter<TItem> : IAsyncStreamPrinter
{
    public async Task PrintAsync(object stream, TextWriter output, HugOptions options, CancellationToken cancellationToken)
    {
        await foreach (var item in ((IAsyncEnumerable<TItem>)stream).WithCancellation(cancellationToken))
        {
            if (PlainText.Format(item, typeof(TItem), options, indented: false) is { } line) await output.WriteLineAsync(line);
            await output.FlushAsync(cancellationToken);
        }
    }
}

/// <summary>Makes the typed printer of a stream's items (<see cref="TypeShape.StreamItem"/>).</summary>
internal sealed class AsyncStreamPrinters : ITypeShapeVisitor<IAsyncStreamPrinter>
{
    public static readonly AsyncStreamPrinters Instance = new();

    public IAsyncStreamPrinter Visit<T>() => new AsyncStreamPrinter<T>();
}
