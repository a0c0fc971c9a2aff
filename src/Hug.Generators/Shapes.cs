using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Hug.Generators;

/// <summary>
/// Writes the type shape of a parameter or result type (the core's Generation/Shapes.cs): the converter a type
/// needs, chosen here by the rules the core's ConverterFactory applies through reflection (a scalar, then a list
/// of scalars, then JSON), so a generated API's start-up closes no generic type by reflection. The conformance
/// suite runs every case in both modes, which keeps the two in step.
/// </summary>
internal static class Shapes
{
    private const string Prefix = "global::Hug.Generation.Shapes.";

    /// <summary>The shape expression, or null when the core handles the type itself (the common scalars) or generated code cannot name it.</summary>
    public static string? Write(ITypeSymbol type, Func<ITypeSymbol, string> typeOf, bool isResult)
    {
        if (type.IsRefLikeType || type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer or TypeKind.TypeParameter || type.IsStatic) return null;
        if (IsCommon(type)) return null;
        if (isResult && StreamItem(type) is { } item) return $"{Prefix}Stream<{typeOf(type)}, {typeOf(item)}>()";
        if (!isResult && type is INamedTypeSymbol { IsGenericType: true } logger && FullName(logger) == "Microsoft.Extensions.Logging.ILogger`1")
            return $"{Prefix}Logger<{typeOf(logger.TypeArguments[0])}>()";
        return Of(type, typeOf);
    }

    /// <summary>The types the core shapes and converts itself, in code precompiled with it (TypeShape.Known, ConverterFactory.Common).</summary>
    private static bool IsCommon(ITypeSymbol type) => type.SpecialType is SpecialType.System_String or SpecialType.System_Boolean
        or SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Double or SpecialType.System_Decimal;

    private static string Of(ITypeSymbol type, Func<ITypeSymbol, string> typeOf)
    {
        var name = typeOf(type);
        if (IsCommon(type)) return $"{Prefix}Of<{name}>()";
        if (type.TypeKind == TypeKind.Enum) return $"{Prefix}Enum<{name}>()";
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            var value = nullable.TypeArguments[0];
            return IsScalar(value) ? $"{Prefix}Nullable<{typeOf(value)}>({Of(value, typeOf)})" : $"{Prefix}Of<{name}>()";
        }
        if (IsParsable(type))
            return Implements(type, "System.Numerics.INumberBase`1")
                ? $"{Prefix}Number<{name}>({(Implements(type, "System.Numerics.IBinaryInteger`1") ? "true" : "false")})"
                : $"{Prefix}Parsable<{name}>()";
        if (CollectionElement(type) is { } element && IsScalar(element))
            return $"{Prefix}Collection<{name}, {typeOf(element)}>({Of(element, typeOf)}, static items => {(type is IArrayTypeSymbol ? "items.ToArray()" : "items")})";
        return $"{Prefix}Of<{name}>()";
    }

    /// <summary>A text-shaped type (ConverterFactory.CreateScalar is not null).</summary>
    private static bool IsScalar(ITypeSymbol type) =>
        IsCommon(type) || type.TypeKind == TypeKind.Enum
        || (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? IsScalar(nullable.TypeArguments[0]) : IsParsable(type));

    private static bool IsParsable(ITypeSymbol type) => !type.IsAbstract && Implements(type, "System.IParsable`1");

    /// <summary>Whether <paramref name="type"/> implements the generic interface <paramref name="metadataName"/> over itself.</summary>
    private static bool Implements(ITypeSymbol type, string metadataName) =>
        type.AllInterfaces.Any(i => FullName(i) == metadataName && SymbolEqualityComparer.Default.Equals(i.TypeArguments[0], type));

    /// <summary>The element of an array or of the list types the core reads as repeated values (ConverterFactory.CollectionElement).</summary>
    private static ITypeSymbol? CollectionElement(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol { Rank: 1 } array) return array.ElementType;
        if (type is not INamedTypeSymbol { IsGenericType: true } named) return null;
        return FullName(named) switch
        {
            "System.Collections.Generic.List`1" or "System.Collections.Generic.IList`1" or "System.Collections.Generic.ICollection`1"
                or "System.Collections.Generic.IEnumerable`1" or "System.Collections.Generic.IReadOnlyList`1"
                or "System.Collections.Generic.IReadOnlyCollection`1" => named.TypeArguments[0],
            _ => null,
        };
    }

    /// <summary>The item type when <paramref name="type"/> is or implements <c>IAsyncEnumerable&lt;T&gt;</c> (TypeShape.AsyncStreamItem).</summary>
    private static ITypeSymbol? StreamItem(ITypeSymbol type)
    {
        if (type.SpecialType != SpecialType.None) return null;
        foreach (var candidate in type.AllInterfaces)
            if (FullName(candidate) == "System.Collections.Generic.IAsyncEnumerable`1") return candidate.TypeArguments[0];
        return type is INamedTypeSymbol named && FullName(named) == "System.Collections.Generic.IAsyncEnumerable`1" ? named.TypeArguments[0] : null;
    }

    private static string FullName(INamedTypeSymbol type) =>
        type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + type.MetadataName : type.MetadataName;
}
