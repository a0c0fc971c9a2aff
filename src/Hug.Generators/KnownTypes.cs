using System.Linq;
using Microsoft.CodeAnalysis;

namespace Hug.Generators;

/// <summary>The Hug and framework types the generator recognises, resolved once per compilation.</summary>
internal sealed class KnownTypes
{
    public INamedTypeSymbol Http = null!, Cli = null!, SocketCall = null!, Local = null!, Transform = null!, Requires = null!, WebSocket = null!;
    public INamedTypeSymbol Delimited = null!, Directive = null!, User = null!, ApiVersion = null!, Documentation = null!, ShortOption = null!, TimerPrecision = null!, Session = null!;
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
            Local = Get("Hug.LocalAttribute"),
            Transform = Get("Hug.TransformAttribute"),
            Requires = Get("Hug.RequiresAttribute"),
            WebSocket = Get("Hug.WebSocketAttribute"),
            Delimited = Get("Hug.DelimitedAttribute"),
            Directive = Get("Hug.DirectiveAttribute"),
            User = Get("Hug.UserAttribute"),
            ApiVersion = Get("Hug.ApiVersionAttribute"),
            Documentation = Get("Hug.DocumentationAttribute"),
            ShortOption = Get("Hug.ShortOptionAttribute"),
            TimerPrecision = Get("Hug.TimerPrecisionAttribute"),
            Session = Get("Hug.HugSession"),
            Validation = compilation.GetTypeByMetadataName("System.ComponentModel.DataAnnotations.ValidationAttribute"),
            Description = compilation.GetTypeByMetadataName("System.ComponentModel.DescriptionAttribute"),
        };
    }

    public bool DeclaresEndpoints(INamedTypeSymbol type) =>
        type.GetAttributes().Any(a => Is(a.AttributeClass, WebSocket)) || type.GetMembers().OfType<IMethodSymbol>().Any(IsExposed);

    /// <summary>Whether an exposed method of <paramref name="type"/> takes a <c>HugSession</c> (the session store is then compiled in).</summary>
    public bool TakesSession(INamedTypeSymbol type) =>
        Session is not null && type.GetMembers().OfType<IMethodSymbol>().Any(m => IsExposed(m) && m.Parameters.Any(p => SymbolEqualityComparer.Default.Equals(p.Type, Session)));

    /// <summary>
    /// Whether <paramref name="type"/> has anything served over HTTP or a WebSocket, or a method reading the API's
    /// HTTP documentation (<c>[Documentation]</c>): its program then needs Hug's web side (<c>serve</c>, the documentation).
    /// </summary>
    public bool Serves(INamedTypeSymbol type) =>
        type.GetAttributes().Any(a => Is(a.AttributeClass, WebSocket))
        || type.GetMembers().OfType<IMethodSymbol>().Any(m => m.GetAttributes().Any(a => Is(a.AttributeClass, Http) || Is(a.AttributeClass, SocketCall))
            || (IsExposed(m) && m.Parameters.Any(p => p.GetAttributes().Any(a => Is(a.AttributeClass, Documentation)))));

    /// <summary>Hug's HTTP attribute, <c>[Cli]</c>, <c>[SocketCall]</c>, <c>[Local]</c>, or a class deriving from one.</summary>
    public bool IsEndpointAttribute(INamedTypeSymbol type) => Is(type, Http) || Is(type, Cli) || Is(type, SocketCall) || Is(type, Local);

    /// <summary>A method with an HTTP attribute, <c>[Cli]</c>, <c>[SocketCall]</c> or <c>[Local]</c>: what Hug's reflection looks for.</summary>
    public bool IsExposed(IMethodSymbol method) => method.GetAttributes().Any(a => a.AttributeClass is { } type && IsEndpointAttribute(type));

    public bool IsMethodAttribute(INamedTypeSymbol? type) =>
        Is(type, Http) || Is(type, Cli) || Is(type, SocketCall) || Is(type, Local) || Is(type, Transform) || Is(type, Requires) || Is(type, Description);

    public bool IsTypeAttribute(INamedTypeSymbol? type) =>
        Is(type, Cli) || Is(type, Requires) || Is(type, WebSocket) || Is(type, Description);

    public bool IsParameterAttribute(INamedTypeSymbol? type) =>
        Is(type, Validation) || Is(type, Delimited) || Is(type, Directive) || Is(type, User) || Is(type, ApiVersion)
        || Is(type, Documentation) || Is(type, Description) || Is(type, ShortOption) || Is(type, TimerPrecision);

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
