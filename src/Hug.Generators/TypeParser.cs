using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using System.Xml.Linq;

namespace Hug.Generators;

/// <summary>
/// Reads one type that declares endpoints into a <see cref="TypeModel"/>: its registration as C#
/// (attributes, parameters, documentation, a direct call per method) and what is wrong with it.
/// A type the generated code cannot describe faithfully (private nesting, an attribute argument it
/// cannot write, a generic or ref-taking method) is left to reflection at run time, so the run-time
/// rules and messages stay in one place; what the parser can see of those rules it reports as HUG00x.
/// </summary>
internal sealed partial class TypeParser(Compilation compilation, KnownTypes known)
{
    private const string Flags = "global::System.Reflection.BindingFlags.Public | global::System.Reflection.BindingFlags.NonPublic | "
        + "global::System.Reflection.BindingFlags.Static | global::System.Reflection.BindingFlags.Instance | global::System.Reflection.BindingFlags.DeclaredOnly";

    private readonly List<DiagnosticModel> diagnostics = [];

    /// <summary>The model of <paramref name="type"/>; null when it declares no endpoint Hug reads (a generic type, a class with only <c>[Cli]</c>).</summary>
    public static TypeModel? Parse(INamedTypeSymbol type, Compilation compilation, CancellationToken cancellationToken)
    {
        if (KnownTypes.From(compilation) is not { } known || type.IsGenericType || !known.DeclaresEndpoints(type)) return null;
        cancellationToken.ThrowIfCancellationRequested();
        return new TypeParser(compilation, known).Read(type);
    }

    private TypeModel Read(INamedTypeSymbol type)
    {
        var methods = Exposed(type);
        foreach (var method in methods) Check(type, method);
        CheckRoutes(type, methods);
        var reachable = Reachable(type);
        if (!reachable) Report(DiagnosticDescriptors.Unreachable, type, Display(type), $"type {type.Name}");
        else foreach (var method in methods.Where(m => !Accessible(m))) Report(DiagnosticDescriptors.Unreachable, method, Display(method), $"method {method.Name}");
        var location = type.Locations.FirstOrDefault(l => l.IsInSource);
        return new TypeModel(MetadataName(type), reachable ? $"typeof({Name(type)})" : null, reachable ? TryDescribe(type, methods) : null,
            location?.SourceTree?.FilePath ?? "", location?.SourceSpan.Start ?? 0, diagnostics.ToEquatable(), known.Serves(type), known.TakesSession(type),
            reachable ? TryClient(type, methods) : null);
    }

    /// <summary>The methods with an HTTP attribute, <c>[Cli]</c>, <c>[SocketCall]</c> or <c>[Local]</c>, in declaration order.</summary>
    private List<IMethodSymbol> Exposed(INamedTypeSymbol type)
    {
        var order = compilation.SyntaxTrees.Select((tree, index) => (tree, index)).ToDictionary(p => p.tree, p => p.index);
        return [.. type.GetMembers().OfType<IMethodSymbol>().Where(known.IsExposed).OrderBy(m => Position(m, order))];
    }

    private static (int Tree, int Start) Position(ISymbol symbol, Dictionary<SyntaxTree, int> order)
    {
        var location = symbol.Locations.FirstOrDefault(l => l.IsInSource);
        return location?.SourceTree is { } tree && order.TryGetValue(tree, out var index) ? (index, location.SourceSpan.Start) : (int.MaxValue, 0);
    }

    /// <summary>HUG003, HUG005, HUG006: what makes a method impossible to expose.</summary>
    private void Check(INamedTypeSymbol type, IMethodSymbol method)
    {
        if (method.IsGenericMethod) Report(DiagnosticDescriptors.GenericMethod, method, Display(method));
        foreach (var parameter in method.Parameters)
        {
            var problem = parameter.RefKind != RefKind.None ? "is ref/out/in"
                : parameter.Type.IsRefLikeType ? $"has the ref struct type {parameter.Type.Name}"
                : parameter.Type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer ? "is a pointer"
                : null;
            if (problem is not null) Report(DiagnosticDescriptors.UnsupportedParameter, parameter, Display(method), parameter.Name, problem);
        }
        for (var i = 0; i < method.Parameters.Length; i++)
            for (var j = 0; j < i; j++)
                if (string.Equals(method.Parameters[i].Name, method.Parameters[j].Name, StringComparison.OrdinalIgnoreCase))
                    Report(DiagnosticDescriptors.ParametersDifferInCase, method.Parameters[i], Display(method), method.Parameters[j].Name, method.Parameters[i].Name);
    }

    private void Report(DiagnosticDescriptor descriptor, ISymbol at, params string[] arguments) =>
        diagnostics.Add(new DiagnosticModel(descriptor.Id, LocationModel.From(at.Locations.FirstOrDefault(l => l.IsInSource)), arguments.ToEquatable()));

    private void Report(DiagnosticDescriptor descriptor, Location? at, params string[] arguments) =>
        diagnostics.Add(new DiagnosticModel(descriptor.Id, LocationModel.From(at), arguments.ToEquatable()));

    /// <summary><c>Type.Method</c>, as Hug's start-up errors name a method.</summary>
    private static string Display(IMethodSymbol method) => method.ContainingType.Name + "." + method.Name;

    private static string Display(INamedTypeSymbol type) => type.Name;

    /// <summary>The type's description as an expression, or null to leave it to reflection.</summary>
    private string? TryDescribe(INamedTypeSymbol type, List<IMethodSymbol> methods)
    {
        try
        {
            var written = methods.Select(m => Method(type, m)).ToList();
            // Constructor calls with named arguments, not object initializers: each init accessor is one more method
            // the app's start-up enters across assemblies (14 of them cost about 0.4 M instructions on a command).
            return "new global::Hug.Generation.GeneratedType(\n"
                + $"                attributes: {Attributes(type.GetAttributes(), known.IsTypeAttribute)},\n"
                + $"                summary: {Text(Hug.Introspection.DocumentationText.Summary(Comment(type)))},\n"
                + "                methods: new global::Hug.Generation.GeneratedMethod[]\n                {\n"
                + string.Concat(written.Select(m => m + ",\n"))
                + "                }"
                + (NeedsInstances(type, methods) ? $",\n                factory: global::Hug.Generation.GeneratedCalls.Factory<{Name(type)}>)" : ")");
        }
        catch (CannotWrite)
        {
            return null;
        }
    }

    /// <summary>Whether instances are made per call or connection (instance endpoints, a <c>[WebSocket]</c> class): then a typed factory.</summary>
    private bool NeedsInstances(INamedTypeSymbol type, List<IMethodSymbol> methods) =>
        !type.IsStatic && !type.IsAbstract && type.TypeKind == TypeKind.Class
        && (methods.Any(m => !m.IsStatic) || type.GetAttributes().Any(a => KnownTypes.Is(a.AttributeClass, known.WebSocket)));

    private string Method(INamedTypeSymbol type, IMethodSymbol method)
    {
        if (method.IsGenericMethod || method.ReturnsByRef || method.ReturnsByRefReadonly || method.Parameters.Any(p => p.RefKind != RefKind.None))
            throw new CannotWrite();
        var typeName = Name(type);
        var parameterTypes = string.Join(", ", method.Parameters.Select(p => $"typeof({TypeOf(p.Type)})"));
        var parameters = string.Concat(method.Parameters.Select(p => "                            " + Parameter(p) + ",\n"));
        return "                    new global::Hug.Generation.GeneratedMethod(\n"
            + $"                        name: {Literal(method.Name)},\n"
            + $"                        method: static () => typeof({typeName}).GetMethod({Literal(method.Name)}, {Flags}, null, new global::System.Type[] {{ {parameterTypes} }}, null)!,\n"
            + $"                        isStatic: {(method.IsStatic ? "true" : "false")},\n"
            + $"                        returnType: typeof({(method.ReturnsVoid ? "void" : TypeOf(method.ReturnType))}),\n"
            + $"                        attributes: {Attributes(method.GetAttributes(), known.IsMethodAttribute)},\n"
            + $"                        summary: {Text(Hug.Introspection.DocumentationText.Summary(Comment(method)))},\n"
            + $"                        returns: {Text(Hug.Introspection.DocumentationText.Returns(Comment(method)))},\n"
            + $"                        call: {Call(typeName, method)},\n"
            + "                        parameters: new global::Hug.Generation.GeneratedParameter[]\n                        {\n"
            + parameters
            + "                        }"
            + (ResultShape(method) is { } result ? $",\n                        result: {result})" : ")");
    }

    private string Parameter(IParameterSymbol parameter)
    {
        var text = new StringBuilder("new global::Hug.Generation.GeneratedParameter(");
        text.Append($"{Literal(parameter.Name)}, typeof({TypeOf(parameter.Type)}), {Attributes(parameter.GetAttributes(), known.IsParameterAttribute)}");
        if (parameter.HasExplicitDefaultValue) text.Append($", hasDefault: true, defaultValue: {Default(parameter)}");
        if (parameter.Type.IsReferenceType && parameter.NullableAnnotation == NullableAnnotation.Annotated) text.Append(", isNullable: true");
        if (parameter.GetAttributes().Any(a => KnownTypes.IsFromServices(a.AttributeClass))) text.Append(", fromServices: true");
        if (Shapes.Write(parameter.Type, TypeOf, isResult: false) is { } shape) text.Append(", shape: ").Append(shape);
        if (Hug.Introspection.DocumentationText.Parameter(Comment(parameter.ContainingSymbol), parameter.Name) is { } documentation)
            text.Append(", documentation: ").Append(Literal(documentation));
        text.Append(')');
        return text.ToString();
    }

    /// <summary>
    /// The typed call site (Hug.Generation.GeneratedCall in the core): each argument through its binder, typed, then the
    /// method called directly unless one failed, its return as a <c>ValueTask</c> of the result; null (reflection) when
    /// generated code may not call the method or name its types.
    /// </summary>
    private string Call(string typeName, IMethodSymbol method)
    {
        if (!Accessible(method) || method.ReturnType.IsRefLikeType || method.ReturnType.TypeKind == TypeKind.Pointer
            || method.Parameters.Any(p => p.Type.IsRefLikeType || p.Type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer))
            return "null";
        var kind = ReturnKindOf(method);
        var result = kind switch
        {
            "void" or "task" or "valuetask" => "global::Hug.Invocation.NoResult",
            "task1" or "valuetask1" => TypeOf(((INamedTypeSymbol)method.ReturnType).TypeArguments[0]),
            _ => TypeOf(method.ReturnType),
        };
        var valueTask = $"global::System.Threading.Tasks.ValueTask<{result}>";
        var binders = string.Concat(method.Parameters.Select((p, i) => $"var b{i} = (global::Hug.Generation.IArgumentBinder<{TypeOf(p.Type)}>)binders[{i}]; "));
        var reads = string.Concat(method.Parameters.Select((_, i) => $"var p{i} = b{i}.Bind(a); "));
        var receiver = method.IsStatic ? typeName : $"(({typeName})target!(a))";
        var call = $"{receiver}.{Identifier(method.Name)}({string.Join(", ", method.Parameters.Select((_, i) => $"p{i}"))})";
        var body = kind switch
        {
            "void" => $"if (a.Failed) return default; {call}; return default;",
            "task" or "valuetask" => $"return a.Failed ? default : global::Hug.Generation.GeneratedCalls.Completion({call});",
            "valuetask1" => $"return a.Failed ? default : {call};",
            _ => $"return a.Failed ? default : new {valueTask}({call});",
        };
        return $"static (binders, target) => {{ {binders}return new global::System.Func<global::Hug.Generation.CallArguments, {valueTask}>(a => {{ {reads}{body} }}); }}";
    }

    /// <summary>The shape of what the method returns (unwrapped from a task), or null when the core has its own.</summary>
    private string? ResultShape(IMethodSymbol method) => ReturnKindOf(method) switch
    {
        "void" or "task" or "valuetask" => null,
        "task1" or "valuetask1" => Shapes.Write(((INamedTypeSymbol)method.ReturnType).TypeArguments[0], TypeOf, isResult: true),
        _ => Shapes.Write(method.ReturnType, TypeOf, isResult: true),
    };

    /// <summary>How the method returns, as the core classifies it (EndpointIntrospector.Unwrap): the awaitables it knows, else a value.</summary>
    private static string ReturnKindOf(IMethodSymbol method)
    {
        if (method.ReturnsVoid) return "void";
        if (method.ReturnType is not INamedTypeSymbol { ContainingNamespace: { } ns } named || ns.ToDisplayString() != "System.Threading.Tasks") return "value";
        return named.MetadataName switch
        {
            "Task" => "task",
            "ValueTask" => "valuetask",
            "Task`1" => "task1",
            "ValueTask`1" => "valuetask1",
            _ => "value",
        };
    }

    private static bool Accessible(IMethodSymbol method) =>
        method.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal;

    private string Attributes(IEnumerable<AttributeData> attributes, Func<INamedTypeSymbol?, bool> wanted)
    {
        var written = attributes.Where(a => wanted(a.AttributeClass)).Select(Attribute).ToList();
        return written.Count == 0 ? "global::System.Array.Empty<global::System.Attribute>()"
            : "new global::System.Attribute[] { " + string.Join(", ", written) + " }";
    }

    private string Attribute(AttributeData attribute)
    {
        if (attribute.AttributeClass is not { } type || !Reachable(type) || attribute.AttributeConstructor is not { } constructor
            || constructor.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
            throw new CannotWrite();
        var arguments = attribute.ConstructorArguments.Select((a, i) => Constant(a, constructor.Parameters[i].Type));
        var text = $"new {Name(type)}({string.Join(", ", arguments)})";
        if (attribute.NamedArguments.Length > 0)
            text += " { " + string.Join(", ", attribute.NamedArguments.Select(n => $"{Identifier(n.Key)} = {Constant(n.Value, null)}")) + " }";
        return text;
    }

    /// <summary>An attribute argument as C#.</summary>
    private string Constant(TypedConstant constant, ITypeSymbol? target)
    {
        if (constant.Kind == TypedConstantKind.Error) throw new CannotWrite();
        if (constant.Kind == TypedConstantKind.Array)
        {
            if (constant.IsNull) return $"({TypeOf(constant.Type ?? target ?? throw new CannotWrite())})null";
            var element = ((IArrayTypeSymbol)constant.Type!).ElementType;
            return $"new {TypeOf(element)}[] {{ {string.Join(", ", constant.Values.Select(v => Constant(v, element)))} }}";
        }
        if (constant.IsNull) return $"({TypeOf(target ?? constant.Type ?? throw new CannotWrite())})null";
        if (constant.Kind == TypedConstantKind.Type) return $"typeof({TypeOf((ITypeSymbol)constant.Value!)})";
        if (constant.Kind == TypedConstantKind.Enum) return $"({TypeOf(constant.Type!)})({Primitive(constant.Value!)})";
        var value = Primitive(constant.Value!);
        return target is { SpecialType: SpecialType.System_Object } ? $"(object){value}" : value;
    }

    private string Default(IParameterSymbol parameter)
    {
        var value = parameter.ExplicitDefaultValue;
        // `= default` of a struct: written as its value, so start-up need not create one by reflection.
        if (value is null) return parameter.Type.IsValueType && parameter.Type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T
            ? $"default({TypeOf(parameter.Type)})" : "null";
        var type = parameter.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            ? nullable.TypeArguments[0] : parameter.Type;
        return type.TypeKind == TypeKind.Enum ? $"({TypeOf(type)})({Primitive(value)})" : Primitive(value);
    }

    /// <summary>A constant as a typed C# literal (<c>(global::System.Int64)(5)</c>, <c>"text"</c>, <c>1.5m</c>).</summary>
    private static string Primitive(object value) => value switch
    {
        string text => Literal(text),
        char c => SymbolDisplay.FormatLiteral(c, quote: true),
        bool b => b ? "true" : "false",
        double d when double.IsNaN(d) => "global::System.Double.NaN",
        double d when double.IsInfinity(d) => d > 0 ? "global::System.Double.PositiveInfinity" : "global::System.Double.NegativeInfinity",
        float f when float.IsNaN(f) => "global::System.Single.NaN",
        float f when float.IsInfinity(f) => f > 0 ? "global::System.Single.PositiveInfinity" : "global::System.Single.NegativeInfinity",
        decimal m => m.ToString(System.Globalization.CultureInfo.InvariantCulture) + "m",
        _ => $"(global::{value.GetType().FullName})({SymbolDisplay.FormatPrimitive(value, quoteStrings: true, useHexadecimalNumbers: false)})",
    };

    private readonly Dictionary<ISymbol, XElement?> comments = new(SymbolEqualityComparer.Default);

    /// <summary>The symbol's documentation comment (its <c>&lt;member&gt;</c> element), when the compiler parsed comments; parsed once.</summary>
    private XElement? Comment(ISymbol symbol)
    {
        if (!comments.TryGetValue(symbol, out var comment)) comments[symbol] = comment = Parse(symbol);
        return comment;
    }

    private static XElement? Parse(ISymbol symbol)
    {
        var xml = symbol.GetDocumentationCommentXml(expandIncludes: true);
        if (string.IsNullOrWhiteSpace(xml)) xml = FromTrivia(symbol);
        if (string.IsNullOrWhiteSpace(xml)) return null;
        try
        {
            return XElement.Parse(xml);
        }
        catch (System.Xml.XmlException)
        {
            return null; // the compiler warns about a malformed comment (CS1570); the method stays undocumented
        }
    }

    /// <summary>
    /// The <c>///</c> comment of a declaration in a project that does not set <c>GenerateDocumentationFile</c>: the
    /// compiler then parses no documentation (so gives none to <c>GetDocumentationCommentXml</c>) but keeps the lines as
    /// ordinary comments. Read here, a user's doc comments document the API without that setting (nor its CS1591 warnings).
    /// </summary>
    private static string? FromTrivia(ISymbol symbol)
    {
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            var lines = reference.GetSyntax().GetLeadingTrivia()
                .Where(t => t.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.SingleLineCommentTrivia))
                .Select(t => t.ToString())
                .Where(line => line.StartsWith("///", StringComparison.Ordinal) && !line.StartsWith("////", StringComparison.Ordinal))
                .Select(line => line.Substring(3))
                .ToList();
            if (lines.Count > 0) return "<member>" + string.Join("\n", lines) + "</member>";
        }
        return null;
    }

    private static string Text(string? text) => text is null ? "null" : Literal(text);

    private static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);

    private static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? "@" + name : name;

    private static readonly SymbolDisplayFormat Format = SymbolDisplayFormat.FullyQualifiedFormat
        .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers | SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    private static string Name(INamedTypeSymbol type) => type.ToDisplayString(Format);

    /// <summary>A type usable in <c>typeof</c> and casts from the generated class; anything else leaves the type to reflection.</summary>
    private string TypeOf(ITypeSymbol type)
    {
        if (!Reachable(type)) throw new CannotWrite();
        return type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(Format);
    }

    private bool Reachable(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => Reachable(array.ElementType),
        INamedTypeSymbol { IsUnboundGenericType: true } => false,
        INamedTypeSymbol named => (named.ContainingType is null || Reachable(named.ContainingType))
            && (named.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal
                || named.ContainingType is null && named.DeclaredAccessibility == Accessibility.NotApplicable)
            && (SymbolEqualityComparer.Default.Equals(named.ContainingAssembly, compilation.Assembly)
                || named.DeclaredAccessibility == Accessibility.Public || compilation.IsSymbolAccessibleWithin(named, compilation.Assembly))
            && named.TypeArguments.All(Reachable)
            && named.TypeKind != TypeKind.Error,
        _ => false,
    };

    private static string MetadataName(INamedTypeSymbol type)
    {
        var name = type.MetadataName;
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType) name = outer.MetadataName + "+" + name;
        var ns = type.ContainingNamespace;
        return ns is null || ns.IsGlobalNamespace ? name : ns.ToDisplayString() + "." + name;
    }

    private sealed class CannotWrite : Exception;
}
