using System.CommandLine;
using System.Text.Json;
using Hug.Binding;
using Hug.Introspection;
using Hug.Invocation;
using Microsoft.Extensions.Primitives;

namespace Hug.Cli;

/// <summary>One exposed method as a command: its System.CommandLine command and the action that binds, invokes and prints.</summary>
internal abstract class CliEndpoint
{
    protected CliEndpoint(EndpointDescriptor descriptor, CliCommandOptions options, CliServices services)
    {
        Descriptor = descriptor;
        Services = services;
        Name = options.Name ?? Naming.Kebab(descriptor.Name);
        Path = [.. options.Groups, Name];
        foreach (var parameter in descriptor.Parameters)
            if (parameter.Context is ContextValue.HttpContext or ContextValue.HttpRequest or ContextValue.HttpResponse)
                throw new HugConfigurationException(
                    $"{descriptor.DisplayName}: parameter '{parameter.Name}' ({parameter.Type.Name}) is not available on the command line; expose the method over HTTP only.");
        Parameters = CliParameter.For(descriptor);
        Command = new Command(Name);
        foreach (var parameter in Parameters) parameter.AddTo(Command);
    }

    /// <summary>Fills in the help texts (XML docs are read here, only when help or usage is shown).</summary>
    public void Document()
    {
        Command.Description = Descriptor.Summary;
        foreach (var parameter in Parameters) parameter.Document();
    }

    public EndpointDescriptor Descriptor { get; }
    public string Name { get; }
    public IReadOnlyList<string> Path { get; }
    public Command Command { get; }
    public List<CliParameter> Parameters { get; }
    protected CliServices Services { get; }

    public static CliEndpoint Create(EndpointDescriptor descriptor, CliCommandOptions options, CliServices services) =>
        Generic.Create<CliEndpoint>(typeof(CliEndpoint<>), InvokerCompiler.ResultType(descriptor), descriptor, options, services);

    /// <summary>Runs the command; the result is the exit code.</summary>
    public abstract Task<int> InvokeAsync(ParseResult parseResult, CliSession session, CancellationToken cancellationToken);
}

internal sealed class CliEndpoint<TResult>(EndpointDescriptor descriptor, CliCommandOptions options, CliServices services)
    : CliEndpoint(descriptor, options, services)
{
    public override async Task<int> InvokeAsync(ParseResult parseResult, CliSession session, CancellationToken cancellationToken)
    {
        var json = session.Json;
        var binders = ParameterBinder.For(Descriptor, Services.IsService, json);
        var invoke = ReflectionInvoker.Create<TResult>(Descriptor, binders);
        var values = new Dictionary<string, StringValues>(Parameters.Count, StringComparer.Ordinal);
        foreach (var parameter in Parameters)
        {
            var given = parameter.Read(parseResult);
            if (given.Count > 0) values[parameter.Parameter.Name] = given;
        }
        await using var context = new CliBindingContext(Services.Provider, values, cancellationToken);
        try
        {
            var pending = invoke(context);
            if (context.HasErrors)
            {
                foreach (var (key, message) in context.Errors) await session.Error.WriteLineAsync($"{key}: {message}");
                await session.Error.WriteLineAsync();
                session.WriteUsage(Path);
                return CliExitCodes.Usage;
            }
            var result = await pending;
            await WriteAsync(result, session.Output, json, cancellationToken);
            return CliExitCodes.Success;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await session.Error.WriteLineAsync("Cancelled.");
            return CliExitCodes.Cancelled;
        }
        catch (Exception exception)
        {
            await session.Error.WriteLineAsync(session.Debug ? exception.ToString() : $"{Descriptor.DisplayName} failed: {exception.Message}");
            return CliExitCodes.Failure;
        }
    }

    private static readonly Type? StreamItem = typeof(TResult).GetInterfaces().Append(typeof(TResult))
        .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>))?.GetGenericArguments()[0];

    private static async Task WriteAsync(TResult result, TextWriter output, Func<JsonSerializerOptions> json, CancellationToken cancellationToken)
    {
        if (typeof(TResult) == typeof(NoResult) || result is null) return;
        if (StreamItem is not null)
        {
            var stream = Generic.Create<IAsyncStreamPrinter>(typeof(AsyncStreamPrinter<>), StreamItem);
            await stream.PrintAsync(result, output, json, cancellationToken);
            return;
        }
        if (CliOutput.Format(result, typeof(TResult), json) is { } text) await output.WriteLineAsync(text);
        await output.FlushAsync(cancellationToken);
    }
}

internal interface IAsyncStreamPrinter
{
    Task PrintAsync(object stream, TextWriter output, Func<JsonSerializerOptions> json, CancellationToken cancellationToken);
}

/// <summary>Prints each item of an <c>IAsyncEnumerable</c> on its own line as it arrives.</summary>
internal sealed class AsyncStreamPrinter<TItem> : IAsyncStreamPrinter
{
    public async Task PrintAsync(object stream, TextWriter output, Func<JsonSerializerOptions> json, CancellationToken cancellationToken)
    {
        await foreach (var item in ((IAsyncEnumerable<TItem>)stream).WithCancellation(cancellationToken))
        {
            if (CliOutput.Format(item, typeof(TItem), json, indented: false) is { } line) await output.WriteLineAsync(line);
            await output.FlushAsync(cancellationToken);
        }
    }
}
