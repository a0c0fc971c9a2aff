using System.CommandLine;

namespace Hug.Hosting;

/// <summary>The application's root command: <c>serve</c> (and the API's own commands as they come).</summary>
internal static class HugCommandLine
{
    public static Task<int> RunAsync(HugApi api, string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var root = new RootCommand(api.Overview);
        root.Subcommands.Add(ServeCommand.Create(api));
        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            ProcessTerminationTimeout = TimeSpan.FromSeconds(10),
        };
        return root.Parse(args).InvokeAsync(configuration, cancellationToken);
    }
}
