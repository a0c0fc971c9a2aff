using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Hug.Generators;

/// <summary>
/// HUG007, under <c>PublishAot</c> only: a parameter or result of an exposed method whose type the program declares (a
/// record, a class, a collection of them) with no System.Text.Json metadata from any <c>JsonSerializerContext</c> of the
/// program. Native AOT cannot make that metadata at run time, so such a call fails when it runs although the publish gave
/// no warning; this makes "zero warnings" mean it runs. Covered is what System.Text.Json's generator covers: each
/// <c>[JsonSerializable]</c> root, its collections' elements and generic arguments, and its properties' types, transitively.
/// The context given to Hug cannot be seen at build time: any context of the program counts.
/// </summary>
internal static class JsonMetadataCheck
{
    public static EquatableArray<DiagnosticModel> Find(Compilation compilation, CancellationToken cancellationToken)
    {
        if (KnownTypes.From(compilation) is not { } known) return EquatableArray<DiagnosticModel>.Empty;
        var covered = Covered(compilation);
        var found = new List<DiagnosticModel>();
        foreach (var type in SourceTypes(compilation.Assembly.GlobalNamespace))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var method in type.GetMembers().OfType<IMethodSymbol>().Where(known.IsExposed))
            {
                var needed = method.Parameters.Where(p => !InjectedParameterDocsSuppressor.IsInjected(p, known)).Select(p => p.Type)
                    .Append(Result(method));
                foreach (var json in needed.OfType<ITypeSymbol>().Where(t => IsUsersJson(t, compilation) && !covered.Contains(t)).Distinct<ITypeSymbol>(SymbolEqualityComparer.Default))
                {
                    var shown = json.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
                    found.Add(new DiagnosticModel(DiagnosticDescriptors.NoJsonMetadata.Id, LocationModel.From(method.Locations.FirstOrDefault(l => l.IsInSource)),
                        new[] { type.Name + "." + method.Name, shown, shown }.ToEquatable()));
                }
            }
        }
        return found.ToEquatable();
    }

    /// <summary>What the method's answer is serialised as: a task's result, a stream's item; null for none.</summary>
    private static ITypeSymbol? Result(IMethodSymbol method)
    {
        if (method.ReturnsVoid) return null;
        var type = method.ReturnType;
        if (type is INamedTypeSymbol { IsGenericType: true } task && task.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks"
            && task.Name is "Task" or "ValueTask")
            type = task.TypeArguments[0];
        if (type is INamedTypeSymbol { IsGenericType: true } stream && stream.OriginalDefinition.ToDisplayString() == "System.Collections.Generic.IAsyncEnumerable<T>")
            type = stream.TypeArguments[0];
        return type is INamedTypeSymbol { Name: "Task" or "ValueTask", IsGenericType: false } ? null : type;
    }

    /// <summary>A type declared in this program's source (a record or class read and written as JSON), or a collection or nullable of one.</summary>
    private static bool IsUsersJson(ITypeSymbol type, Compilation compilation) => type switch
    {
        IArrayTypeSymbol array => IsUsersJson(array.ElementType, compilation),
        INamedTypeSymbol { IsGenericType: true } generic => generic.TypeArguments.Any(t => IsUsersJson(t, compilation)),
        INamedTypeSymbol named => named.TypeKind is TypeKind.Class or TypeKind.Struct && !named.IsAbstract
            && SymbolEqualityComparer.Default.Equals(named.ContainingAssembly, compilation.Assembly)
            && named.DeclaringSyntaxReferences.Length > 0 && !IsService(named),
        _ => false,
    };

    /// <summary>A class built from services (see the suppressor's rule): never JSON.</summary>
    private static bool IsService(INamedTypeSymbol type) =>
        !type.IsRecord && type.TypeKind == TypeKind.Class && type.InstanceConstructors.Where(c => c.DeclaredAccessibility == Accessibility.Public).ToList() is { Count: > 0 } constructors
        && constructors.All(c => c.Parameters.Any(p => p.Type.TypeKind == TypeKind.Interface || p.Type.IsAbstract));

    /// <summary>Every type some <c>JsonSerializerContext</c> of the program has metadata for.</summary>
    private static HashSet<ITypeSymbol> Covered(Compilation compilation)
    {
        var covered = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        var context = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonSerializerContext");
        var serializable = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonSerializableAttribute");
        if (context is null || serializable is null) return covered;
        var pending = new Stack<ITypeSymbol>();
        foreach (var type in SourceTypes(compilation.Assembly.GlobalNamespace).Where(t => KnownTypes.Is(t.BaseType, context)))
            foreach (var attribute in type.GetAttributes().Where(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, serializable)))
                if (attribute.ConstructorArguments.FirstOrDefault().Value is ITypeSymbol root) pending.Push(root);
        while (pending.Count > 0)
        {
            var type = pending.Pop();
            if (!covered.Add(type)) continue;
            if (type is IArrayTypeSymbol array) pending.Push(array.ElementType);
            if (type is not INamedTypeSymbol named) continue;
            foreach (var argument in named.TypeArguments) pending.Push(argument);
            if (named.SpecialType != SpecialType.None || !SymbolEqualityComparer.Default.Equals(named.ContainingAssembly, compilation.Assembly)) continue;
            foreach (var property in named.GetMembers().OfType<IPropertySymbol>().Where(p => !p.IsStatic && p.DeclaredAccessibility == Accessibility.Public))
                pending.Push(property.Type);
        }
        return covered;
    }

    private static IEnumerable<INamedTypeSymbol> SourceTypes(INamespaceSymbol space)
    {
        foreach (var member in space.GetMembers())
        {
            if (member is INamespaceSymbol inner)
                foreach (var type in SourceTypes(inner)) yield return type;
            else if (member is INamedTypeSymbol type && type.DeclaringSyntaxReferences.Length > 0)
                foreach (var nested in Nested(type)) yield return nested;
        }
    }

    private static IEnumerable<INamedTypeSymbol> Nested(INamedTypeSymbol type)
    {
        yield return type;
        foreach (var inner in type.GetTypeMembers())
            foreach (var nested in Nested(inner)) yield return nested;
    }
}
