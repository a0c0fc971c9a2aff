using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace Hug.Generators;

/// <summary>
/// Emits, for an assembly that references Hug, what start-up would otherwise learn by reflection:
/// the types that declare endpoints, and for each its attributes, its exposed methods' parameters,
/// documentation comments and a direct call. Hug reads it through <c>Hug.Generation.GeneratedEndpoints</c>.
/// A type the generated code cannot describe faithfully (private nesting, an attribute argument it
/// cannot write, a generic method) is listed by name and read through reflection at run time, so the
/// run-time rules and error messages stay in one place.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class EndpointGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context) =>
        context.RegisterSourceOutput(context.CompilationProvider, static (output, compilation) =>
        {
            var known = KnownTypes.From(compilation);
            if (known is null) return;
            var types = new List<INamedTypeSymbol>();
            Collect(compilation.Assembly.GlobalNamespace, known, types);
            if (types.Count == 0) return;
            var order = compilation.SyntaxTrees.Select((tree, index) => (tree, index)).ToDictionary(p => p.tree, p => p.index);
            types.Sort((a, b) => Position(a, order).CompareTo(Position(b, order)));
            output.AddSource("HugGeneratedEndpoints.g.cs", new SourceWriter(compilation, known, order).Write(types));
        });

    private static void Collect(INamespaceOrTypeSymbol container, KnownTypes known, List<INamedTypeSymbol> found)
    {
        foreach (var member in container.GetMembers())
        {
            if (member is INamespaceSymbol ns) Collect(ns, known, found);
            else if (member is INamedTypeSymbol type && type.Locations.Any(l => l.IsInSource))
            {
                if (!type.IsGenericType && known.DeclaresEndpoints(type)) found.Add(type);
                Collect(type, known, found);
            }
        }
    }

    internal static (int Tree, int Start) Position(ISymbol symbol, Dictionary<SyntaxTree, int> order)
    {
        var location = symbol.Locations.FirstOrDefault(l => l.IsInSource);
        return location?.SourceTree is { } tree && order.TryGetValue(tree, out var index) ? (index, location.SourceSpan.Start) : (int.MaxValue, 0);
    }
}

/// <summary>The Hug and framework types the generator recognises, resolved once per compilation.</summary>
internal sealed class KnownTypes
{
    public INamedTypeSymbol Http = null!, Cli = null!, SocketCall = null!, Transform = null!, Requires = null!, WebSocket = null!;
    public INamedTypeSymbol Delimited = null!, Directive = null!, User = null!, ApiVersion = null!, Documentation = null!;
    public INamedTypeSymbol? Validation, Description;

    public static KnownTypes? From(Compilation compilation)
    {
        if (compilation.GetTypeByMetadataName("Hug.Generation.GeneratedEndpoints") is null) return null;
        INamedTypeSymbol Get(string name) => compilation.GetTypeByMetadataName(name)!;
        return new KnownTypes
        {
            Http = Get("Hug.HttpAttribute"),
            Cli = Get("Hug.CliAttribute"),
            SocketCall = Get("Hug.SocketCallAttribute"),
            Transform = Get("Hug.TransformAttribute"),
            Requires = Get("Hug.RequiresAttribute"),
            WebSocket = Get("Hug.WebSocketAttribute"),
            Delimited = Get("Hug.DelimitedAttribute"),
            Directive = Get("Hug.DirectiveAttribute"),
            User = Get("Hug.UserAttribute"),
            ApiVersion = Get("Hug.ApiVersionAttribute"),
            Documentation = Get("Hug.DocumentationAttribute"),
            Validation = compilation.GetTypeByMetadataName("System.ComponentModel.DataAnnotations.ValidationAttribute"),
            Description = compilation.GetTypeByMetadataName("System.ComponentModel.DescriptionAttribute"),
        };
    }

    public bool DeclaresEndpoints(INamedTypeSymbol type) =>
        type.GetAttributes().Any(a => Is(a.AttributeClass, WebSocket)) || type.GetMembers().OfType<IMethodSymbol>().Any(IsExposed);

    /// <summary>A method with an HTTP attribute, <c>[Cli]</c> or <c>[SocketCall]</c>: what Hug's reflection looks for.</summary>
    public bool IsExposed(IMethodSymbol method) =>
        method.GetAttributes().Any(a => Is(a.AttributeClass, Http) || Is(a.AttributeClass, Cli) || Is(a.AttributeClass, SocketCall));

    public bool IsMethodAttribute(INamedTypeSymbol? type) =>
        Is(type, Http) || Is(type, Cli) || Is(type, SocketCall) || Is(type, Transform) || Is(type, Requires) || Is(type, Description);

    public bool IsTypeAttribute(INamedTypeSymbol? type) =>
        Is(type, Cli) || Is(type, Requires) || Is(type, WebSocket) || Is(type, Description);

    public bool IsParameterAttribute(INamedTypeSymbol? type) =>
        Is(type, Validation) || Is(type, Delimited) || Is(type, Directive) || Is(type, User) || Is(type, ApiVersion)
        || Is(type, Documentation) || Is(type, Description);

    public static bool IsFromServices(INamedTypeSymbol? type) =>
        type is not null && type.AllInterfaces.Any(i => i.ToDisplayString() == "Microsoft.AspNetCore.Http.Metadata.IFromServiceMetadata");

    /// <summary>Whether <paramref name="type"/> is <paramref name="expected"/> or derives from it.</summary>
    public static bool Is(INamedTypeSymbol? type, INamedTypeSymbol? expected)
    {
        if (expected is null) return false;
        for (var current = type; current is not null; current = current.BaseType)
            if (SymbolEqualityComparer.Default.Equals(current, expected)) return true;
        return false;
    }
}
