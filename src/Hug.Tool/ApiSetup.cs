using System.Reflection;

namespace Hug.Tool;

/// <summary>
/// The API of a loaded assembly, set up as its own program sets it up (issue 22: an API whose requirements and services
/// are configured in code must be servable). A program with an entry point runs it: the entry point configures the API
/// and calls Hug's command line (<c>HugApi.Run(args, Configure)</c>), which hands the API to the tool instead of
/// running it. A library (a single .cs file) is configured by its static <c>Configure(HugApi)</c> methods.
/// </summary>
internal static class ApiSetup
{
    /// <summary>Hug's <c>HugCommandLine.ToolCaptureKey</c> (internal there): the slot the command line hands the API through.</summary>
    private const string TakeApiKey = "Hug.Tool.TakeApi";

    /// <summary>The API, or null after writing why not (one line; the exit code is then <paramref name="exit"/>).</summary>
    public static HugApi? Create(Assembly assembly, string file, HugOptions options, TextWriter error, out int exit)
    {
        exit = 1;
        try
        {
            var api = assembly.EntryPoint is { } entry ? FromEntryPoint(entry, file, error, out exit) : FromConvention(assembly, options);
            if (api is not null) api.Options.ProgramName = ProgramName(file);
            return api;
        }
        catch (HugConfigurationException exception)
        {
            error.WriteLine(exception.Message);
            return null;
        }
        catch (SetupFailedException exception)
        {
            error.WriteLine(exception.Message);
            return null;
        }
    }

    /// <summary>The file's name, as the usage shows it (<c>Usage: Addition.cs add …</c>), as hug names a module by its file.</summary>
    public static string ProgramName(string file) => Path.GetFileName(file) is var name && !name.Any(char.IsWhiteSpace) ? name : "hug";

    /// <summary>Every attributed method of a library, then its static <c>Configure(HugApi)</c> methods, in declaration order.</summary>
    public static HugApi FromConvention(Assembly assembly, HugOptions options)
    {
        var api = HugApi.FromAssembly(assembly, options);
        foreach (var configure in ConfigureMethods(assembly))
        {
            try
            {
                configure.Invoke(null, [api]);
            }
            catch (TargetInvocationException invocation) when (invocation.InnerException is { } inner)
            {
                if (inner is HugConfigurationException) throw inner;
                throw new SetupFailedException($"{configure.DeclaringType!.Name}.Configure failed: {inner.Message}");
            }
        }
        return api;
    }

    private static IEnumerable<MethodInfo> ConfigureMethods(Assembly assembly) =>
        from type in LoadableTypes(assembly)
        where !type.IsGenericTypeDefinition
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly)
        where method.Name == "Configure" && method.GetParameters() is [{ ParameterType: var parameter }] && parameter == typeof(HugApi)
        select method;

    private static Type[] LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException partly)
        {
            return [.. partly.Types.OfType<Type>()];
        }
    }

    /// <summary>Runs the program's entry point until it hands its API to Hug's command line.</summary>
    private static HugApi? FromEntryPoint(MethodInfo entry, string file, TextWriter error, out int exit)
    {
        HugApi? taken = null;
        AppContext.SetData(TakeApiKey, (Action<HugApi>)(api =>
        {
            taken = api;
            throw new ApiTakenException();
        }));
        try
        {
            var result = entry.Invoke(null, entry.GetParameters().Length == 0 ? [] : [Array.Empty<string>()]);
            exit = result switch { int code => code, Task<int> task => task.GetAwaiter().GetResult(), Task task => Done(task), _ => 0 };
        }
        catch (TargetInvocationException invocation) when (taken is not null || invocation.InnerException is ApiTakenException)
        {
            exit = 0;
        }
        catch (TargetInvocationException invocation) when (invocation.InnerException is { } inner)
        {
            if (inner is HugConfigurationException) throw inner;
            throw new SetupFailedException($"{Path.GetFileName(file)}: the program failed while setting up its API: {inner.Message}");
        }
        finally
        {
            AppContext.SetData(TakeApiKey, null);
        }
        if (taken is not null) return taken;
        // The entry point ended by itself: it wrote its own error (a configuration error is one line, exit 1), or it runs no Hug API.
        if (exit == 0)
        {
            error.WriteLine($"{Path.GetFileName(file)}: its entry point ended without running a Hug API (HugApi.Run or api.RunAsync).");
            exit = 1;
        }
        return null;
    }

    private static int Done(Task task)
    {
        task.GetAwaiter().GetResult();
        return 0;
    }

    /// <summary>Ends the program's entry point once its API is taken.</summary>
    private sealed class ApiTakenException : Exception;
}

/// <summary>A set-up that threw something other than a configuration error: reported in one line, like one.</summary>
internal sealed class SetupFailedException(string message) : Exception(message);
