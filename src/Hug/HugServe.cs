using System.CommandLine;
using System.Runtime.CompilerServices;

namespace Hug;

/// <summary>
/// Whether Hug's web side is part of the program: <c>serve</c> (ASP.NET Core's web host) and the HTTP
/// documentation a command's <c>[Documentation]</c> parameter reads. Hug's source generator calls
/// <see cref="Include"/> from a program that has HTTP routes, WebSocket calls, WebSocket endpoints or such a
/// parameter, so a command-only program published with Native AOT carries no Kestrel (trimming removes what
/// nothing reaches: measured on the same command, 10.4 MB instead of 17.5 and half the start-up instructions;
/// benchmarks/RESULTS.md, session 10).
/// </summary>
public static class HugServe
{
    private static Func<HugApi, Command>? serve;
    private static Action<HugApi>? documentation;
    private static Action<HugApi, string[]>? runForHostingTool;

    /// <summary>
    /// Compiles the web side in. Generated code calls it; call it yourself (before <c>HugApi.Run</c>) only in a
    /// Native AOT program whose served endpoints the generator cannot see.
    /// </summary>
    public static void Include()
    {
        // Lambdas, not method groups: a delegate to a method of Hug.Http would load that assembly at every start-up.
        serve = static api => ServeCommand.Create(api);
        documentation = static api => Documentation.ApiDocumentation.Provide(api);
        runForHostingTool = static (api, args) => RunForHostingTool(api, args);
    }

    // Without Include, the web side is still there when code can be generated at run time (JIT: reflection mode
    // may have added routes the generator never saw). `RuntimeFeature.IsDynamicCodeSupported` is a constant false
    // under Native AOT, so those branches, and all they reach, are left out of the image.

    /// <summary><c>serve</c> for <paramref name="api"/>; under Native AOT without the web side, a command saying why it cannot serve.</summary>
    internal static Command Create(HugApi api) =>
        serve is not null ? serve(api)
        : RuntimeFeature.IsDynamicCodeSupported ? ServeCommand.Create(api)
        : NotIncluded();

    /// <summary>Gives <paramref name="api"/>'s <c>[Documentation]</c> directive its source, where the web side is in.</summary>
    internal static void ProvideDocumentation(HugApi api)
    {
        if (documentation is not null) documentation(api);
        else if (RuntimeFeature.IsDynamicCodeSupported) Documentation.ApiDocumentation.Provide(api);
    }

    /// <summary>
    /// When a hosting tool runs the program (<see cref="HostingTool"/>: <c>WebApplicationFactory</c>, build-time
    /// OpenAPI), builds and runs the web application it configures and returns true; otherwise false (the command line runs).
    /// </summary>
    internal static bool TryRunForHostingTool(HugApi api, string[] args)
    {
        if (!HostingTool.IsRunning(args)) return false;
        if (runForHostingTool is not null) runForHostingTool(api, args);
        else if (RuntimeFeature.IsDynamicCodeSupported) RunForHostingTool(api, args);
        else return false;
        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)] // compiled only when called: it names Hug.Http's web host
    private static void RunForHostingTool(HugApi api, string[] args) => HugWebHost.BuildForHostingTool(api, args, Extension).Run();

    /// <summary>What <c>serve</c> adds to Hug.Http's web host: the OpenAPI documents, unless built without (<c>HugOpenApi=false</c>).</summary>
    internal static WebHostExtension Extension { get; } = Hosting.ServeFeatures.OpenApi
        ? new(OpenApi.HugOpenApi.AddServices, OpenApi.HugOpenApi.MapEndpoints)
        : new(static (_, api) => api.Options.OpenApiDocuments = false, null);

    private static Command NotIncluded()
    {
        var command = new Command(ServeCommand.Name, ServeCommand.Description);
        command.SetAction(result =>
        {
            result.InvocationConfiguration.Error.WriteLine(
                "serve: this program was published without the web host (no served endpoint was seen at build time); call HugServe.Include() before HugApi.Run.");
            return CliExitCodes.Failure;
        });
        return command;
    }
}
