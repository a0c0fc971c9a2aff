using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace Hug.Tool;

/// <summary>
/// Compiles one C# file (attributed classes and usings, no entry point) against the Hug library and
/// the running ASP.NET Core shared framework, with its XML doc comments. The assembly and its
/// documentation file are cached by the hash of the source and of Hug's version, so a second start
/// skips the compiler.
/// </summary>
internal sealed class SourceCompiler(string cacheRoot)
{
    // A console project's implicit usings, and the Hug package's.
    private static readonly string[] ImplicitUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks", "Hug"];

    /// <summary>The compiled assembly's path, or the compiler's errors as <c>file(line,col): error CS…: message</c> lines.</summary>
    public (string? Assembly, IReadOnlyList<string> Errors, bool FromCache) Compile(string sourcePath)
    {
        var source = File.ReadAllText(sourcePath);
        var name = Path.GetFileNameWithoutExtension(sourcePath);
        var hugVersion = typeof(HugApi).Assembly.ManifestModule.ModuleVersionId + "/" + typeof(Hug.Generators.EndpointGenerator).Assembly.ManifestModule.ModuleVersionId;
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(hugVersion + "\n" + source)))[..24];
        var folder = Path.Combine(cacheRoot, hash);
        var dll = Path.Combine(folder, name + ".dll");
        if (File.Exists(dll)) return (dll, [], true);

        var options = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest).WithDocumentationMode(DocumentationMode.Parse);
        var usings = string.Concat(ImplicitUsings.Select(u => $"global using {u};\n"));
        SyntaxTree[] trees =
        [
            CSharpSyntaxTree.ParseText(source, options, path: sourcePath, encoding: Encoding.UTF8),
            CSharpSyntaxTree.ParseText(usings, options, path: "ImplicitUsings.g.cs"),
        ];
        var compilation = CSharpCompilation.Create(name, trees, References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, optimizationLevel: OptimizationLevel.Release));
        // Hug's source generator, as a project build runs it: the endpoints are described at compile
        // time (no reflection over the file at start-up) and its HUG00x errors fail the compilation. With it, the
        // generators a project gets from the SDK (System.Text.Json's JsonSerializerContext, [GeneratedRegex], [LoggerMessage]).
        CSharpGeneratorDriver.Create([new Hug.Generators.EndpointGenerator().AsSourceGenerator(), .. SdkGenerators.Value], parseOptions: options)
            .RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);
        using var peStream = new MemoryStream();
        using var xmlStream = new MemoryStream();
        var result = generated.Emit(peStream, xmlDocumentationStream: xmlStream);
        var errors = generatorDiagnostics.Concat(result.Diagnostics).Where(d => d.Severity == DiagnosticSeverity.Error).Select(Format).ToList();
        if (generatorDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)) return (null, errors, false);
        if (!result.Success) return (null, errors, false);
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, name + ".xml"), xmlStream.ToArray());
        var temporary = dll + ".tmp";
        File.WriteAllBytes(temporary, peStream.ToArray());
        File.Move(temporary, dll, overwrite: true);
        return (dll, [], false);
    }

    private static string Format(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        return $"{Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): error {diagnostic.Id}: {diagnostic.GetMessage()}";
    }

    /// <summary>
    /// The running runtime's and ASP.NET Core's assemblies (their implementation files), and every assembly a project
    /// referencing the Hug package compiles against: Hug, its core and adapters, and their packages (System.CommandLine,
    /// the OpenAPI libraries), which the tool carries beside itself. Not the tool's own compiler and generator.
    /// </summary>
    private static IEnumerable<MetadataReference> References()
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var aspNet = Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Http.HttpContext).Assembly.Location)!;
        var hug = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll").Where(path => !ToolOnly(Path.GetFileNameWithoutExtension(path)));
        return Directory.EnumerateFiles(runtime, "*.dll").Concat(Directory.EnumerateFiles(aspNet, "*.dll")).Concat(hug)
            .Where(IsManaged)
            .Select(path => MetadataReference.CreateFromFile(path));
    }

    private static bool ToolOnly(string assembly) =>
        assembly is "Hug.Tool" or "Hug.Generators" || assembly.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal);

    private static readonly Lazy<ISourceGenerator[]> SdkGenerators = new(SdkGeneratorsOfThisRuntime);

    /// <summary>
    /// The SDK's source generators a console or web project runs, from the targeting packs of the running runtime's
    /// version (the newest of its major version installed); none where no SDK is installed beside the runtime.
    /// </summary>
    private static ISourceGenerator[] SdkGeneratorsOfThisRuntime()
    {
        string[] wanted = ["System.Text.Json.SourceGeneration", "System.Text.RegularExpressions.Generator",
            "Microsoft.Extensions.Logging.Generators", "Microsoft.Extensions.Options.SourceGeneration"];
        var runtime = new DirectoryInfo(Path.GetDirectoryName(typeof(object).Assembly.Location)!);
        if (runtime.Parent?.Parent?.Parent is not { } dotnetRoot) return [];
        var generators = new List<ISourceGenerator>();
        foreach (var pack in new[] { "Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref" })
        {
            if (NewestOfMajor(Path.Combine(dotnetRoot.FullName, "packs", pack), Environment.Version.Major) is not { } version) continue;
            var folder = Path.Combine(version, "analyzers", "dotnet", "cs");
            foreach (var name in wanted)
            {
                var path = Path.Combine(folder, name + ".dll");
                if (!File.Exists(path)) continue;
                var reference = new Microsoft.CodeAnalysis.Diagnostics.AnalyzerFileReference(path, AnalyzerLoader.Instance);
                generators.AddRange(reference.GetGenerators(LanguageNames.CSharp));
            }
        }
        return [.. generators];
    }

    private static string? NewestOfMajor(string packFolder, int major) =>
        !Directory.Exists(packFolder) ? null
        : Directory.EnumerateDirectories(packFolder)
            .Select(path => (Path: path, Version: Version.TryParse(Path.GetFileName(path).Split('-')[0], out var version) ? version : null))
            .Where(pack => pack.Version?.Major == major)
            .OrderByDescending(pack => pack.Version).Select(pack => pack.Path).FirstOrDefault();

    /// <summary>Loads the SDK's generator assemblies into the tool's process (they depend on the compiler the tool already has loaded).</summary>
    private sealed class AnalyzerLoader : Microsoft.CodeAnalysis.IAnalyzerAssemblyLoader
    {
        public static readonly AnalyzerLoader Instance = new();

        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => System.Runtime.Loader.AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath);
    }

    private static bool IsManaged(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
