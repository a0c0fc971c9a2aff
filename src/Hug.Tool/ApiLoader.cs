using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;

namespace Hug.Tool;

/// <summary>Finds the API in a C# file (compiled in memory, cached), a project (built) or an assembly (loaded with its dependencies).</summary>
internal static class ApiLoader
{
    public static string CacheRoot => Environment.GetEnvironmentVariable("HUG_CACHE")
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "hug", "cache");

    /// <summary>The API's assembly, or the errors that stopped it (compiler or build output).</summary>
    /// <param name="path">The .cs, .csproj or .dll file.</param>
    /// <param name="isolated">Load a compiled file in its own load context (reloading loads the same assembly name again).</param>
    public static (Assembly? Assembly, IReadOnlyList<string> Errors) Load(string path, bool isolated = false)
    {
        if (!File.Exists(path)) return (null, [$"error: file not found: {path}"]);
        switch (Path.GetExtension(path).ToLowerInvariant())
        {
            case ".cs":
                var (dll, errors, _) = new SourceCompiler(CacheRoot).Compile(Path.GetFullPath(path));
                return dll is null ? (null, errors)
                    : (isolated ? LoadPlugin(dll) : AssemblyLoadContext.Default.LoadFromAssemblyPath(dll), []);
            case ".csproj":
                var (target, buildErrors) = Build(Path.GetFullPath(path));
                return target is null ? (null, buildErrors) : (LoadPlugin(target), []);
            case ".dll":
                return (LoadPlugin(Path.GetFullPath(path)), []);
            default:
                return (null, [$"error: {path}: expected a .cs file, a .csproj project or a .dll assembly"]);
        }
    }

    private static (string? Target, IReadOnlyList<string> Errors) Build(string project)
    {
        var (buildExit, buildOutput) = Dotnet("build", project, "-nologo", "-v", "q", "-clp:ErrorsOnly");
        if (buildExit != 0) return (null, [.. buildOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains("error")).DefaultIfEmpty(buildOutput)]);
        var (_, targetPath) = Dotnet("msbuild", project, "-getProperty:TargetPath", "-nologo");
        return (targetPath.Trim(), []);
    }

    private static (int Exit, string Output) Dotnet(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }

    /// <summary>
    /// An assembly in its own load context with its dependencies. Hug's assemblies are the tool's (shared): its attributes,
    /// and the state a program's set-up leaves on its API (web host hooks, static folders), must be the ones the tool serves with.
    /// </summary>
    private static Assembly LoadPlugin(string path) => new PluginContext(path).LoadFromAssemblyPath(path);

    private sealed class PluginContext(string path) : AssemblyLoadContext(Path.GetFileNameWithoutExtension(path), isCollectible: true)
    {
        private readonly AssemblyDependencyResolver resolver = new(path);

        protected override Assembly? Load(AssemblyName name)
        {
            if (name.Name == typeof(HugApi).Assembly.GetName().Name) return typeof(HugApi).Assembly;
            if (name.Name is "Hug" or "Hug.Http" or "Hug.Cli") return Default.LoadFromAssemblyName(new AssemblyName(name.Name));
            if (Default.Assemblies.FirstOrDefault(a => a.GetName().Name == name.Name) is { } shared) return shared;
            return resolver.ResolveAssemblyToPath(name) is { } resolved ? LoadFromAssemblyPath(resolved) : null;
        }

        protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
            resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } resolved ? LoadUnmanagedDllFromPath(resolved) : IntPtr.Zero;
    }
}
