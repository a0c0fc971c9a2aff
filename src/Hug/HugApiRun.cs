using Hug.Cli;

namespace Hug;

/// <summary>
/// <see cref="HugApi"/>'s entry points, which need both adapters: the command line (Hug.Cli) with
/// <c>serve</c> (Hug.Http). C# 14 extension members, so <c>HugApi.Run(args)</c> reads as before.
/// </summary>
public static class HugApiRunExtensions
{
    extension(HugApi)
    {
        /// <summary>
        /// The one-line entry point: discovers the program's endpoints and runs the command line
        /// (the API's <c>[Cli]</c> commands and <c>serve</c>). Returns the process exit code.
        /// Run by a hosting tool instead (<c>WebApplicationFactory&lt;Program&gt;</c> in a test, build-time OpenAPI), it
        /// builds and runs the web application the tool configures, as a Minimal API's <c>app.Run()</c> does.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)] // GetCallingAssembly names the program
        public static int Run(string[] args, Action<HugApi>? configure = null)
        {
            HugApi api;
            try
            {
                // The generated registration of the program when it is the entry assembly; else (a test host runs the
                // program's entry point) the assembly whose Main called this.
                api = HugApi.FromProgramRegistration() ?? HugApi.FromAssembly(System.Reflection.Assembly.GetCallingAssembly());
                configure?.Invoke(api);
            }
            catch (HugConfigurationException exception)
            {
                Console.Error.WriteLine(exception.Message);
                return CliExitCodes.Failure;
            }
            if (HugServe.TryRunForHostingTool(api, args)) return 0;
            return api.RunAsync(args).GetAwaiter().GetResult();
        }
    }

    extension(HugApi api)
    {
        /// <summary>Runs the API's command line with <paramref name="args"/>; the result is the exit code.</summary>
        public Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default) =>
            api.RunAsync(args, Console.Out, Console.Error, cancellationToken);

        /// <summary>Runs the command line writing to <paramref name="output"/> and <paramref name="error"/> (tests capture them).</summary>
        public Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
            HugCommandLine.RunAsync(api, args, output, error, cancellationToken);
    }
}

/// <summary>Runs an API's command line: its commands and <c>serve</c>.</summary>
internal static class HugCommandLine
{
    /// <summary>
    /// The <c>AppContext</c> key under which the <c>hug</c> tool, running a program's entry point to have it set its API up,
    /// leaves an <c>Action&lt;HugApi&gt;</c>: the command line hands it the API instead of running it (the action ends the
    /// entry point by throwing). A data slot rather than a public hook: nothing else should need it.
    /// </summary>
    internal const string ToolCaptureKey = "Hug.Tool.TakeApi";

    /// <summary>Gives the API to the tool (apart: naming <c>Action&lt;HugApi&gt;</c> loads its type, measured at every start-up).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void HandOver(object take, HugApi api) => ((Action<HugApi>)take)(api);

    /// <summary>Commands get the container serve's host would give (apart: its types load only for an API that registers services).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void UseHostServices(HugApi api) => api.CallContainer ??= CommandServices.Build;

    public static Task<int> RunAsync(HugApi api, string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (AppContext.GetData(ToolCaptureKey) is { } take) HandOver(take, api);
        if (api.Registrations is not null) UseHostServices(api);
        CliApplication application;
        try
        {
            application = new CliApplication(api, output, error, args, new HugCliHost());
        }
        catch (HugConfigurationException exception)
        {
            error.WriteLine(exception.Message);
            return Task.FromResult(CliExitCodes.Failure);
        }
        Task<int> run;
        try
        {
            run = application.RunAsync(args, cancellationToken);
        }
        catch
        {
            application.Dispose();
            throw;
        }
        if (!run.IsCompleted) return DisposeAfterAsync(run, application);
        application.Dispose();
        return run;
    }


    private static async Task<int> DisposeAfterAsync(Task<int> run, CliApplication application)
    {
        using (application) return await run;
    }
}

/// <summary>What Hug adds to the command line: <c>serve</c> (<see cref="ServeCommand"/>) and ASP.NET Core results (<see cref="CliHttpResult"/>).</summary>
internal sealed class HugCliHost() : CliHost(ServeCommand.Name, ServeCommand.Description, "the built-in HTTP server")
{
    /// <summary>An API with HTTP endpoints, or with nothing else to run.</summary>
    public override bool HasBuiltIn(HugApi api, int commands) => api.HasHttpEndpoints || commands == 0;

    public override System.CommandLine.Command CreateBuiltIn(HugApi api) => HugServe.Create(api);

    /// <summary>The <c>[Documentation]</c> directive on the command line: the HTTP adapter's documentation, built only if a command asks.</summary>
    public override void PrepareCall(HugApi api) => HugServe.ProvideDocumentation(api);

    public override bool Prints(Type type) => CliHttpResult.IsResultType(type);

    public override int Print(object result, CliSession session) => CliHttpResult.Print(result, session);
}
