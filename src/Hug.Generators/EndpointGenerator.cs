using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Hug.Generators;

/// <summary>
/// Emits, for an assembly that references Hug, what start-up would otherwise learn by reflection:
/// the types that declare endpoints, and for each its attributes, its exposed methods' parameters,
/// documentation comments and a direct call. Hug reads it through <c>Hug.Generation.GeneratedEndpoints</c>.
/// Incremental: each attributed type becomes an equatable <see cref="TypeModel"/> (through
/// <c>ForAttributeWithMetadataName</c>), so an edit that touches no endpoint reuses every step.
/// Configuration errors it can see are reported as HUG001… (<see cref="DiagnosticDescriptors"/>).
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class EndpointGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the steps, for tests that check what an edit re-ran.</summary>
    public const string TypesStep = "HugTypes", OrderStep = "HugFileOrder";

    /// <summary>The attributes that make a type or method an endpoint (subclasses are not seen: name one of these).</summary>
    private static readonly string[] EndpointAttributes =
    [
        "Hug.HttpAttribute", "Hug.GetAttribute", "Hug.PostAttribute", "Hug.PutAttribute", "Hug.PatchAttribute", "Hug.DeleteAttribute",
        "Hug.CliAttribute", "Hug.SocketCallAttribute", "Hug.LocalAttribute", "Hug.WebSocketAttribute",
    ];

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var types = EndpointAttributes
            .Select(name => context.SyntaxProvider.ForAttributeWithMetadataName(name,
                static (node, _) => true,
                static (attributed, cancellationToken) => attributed.TargetSymbol switch
                {
                    IMethodSymbol method => TypeParser.Parse(method.ContainingType, attributed.SemanticModel.Compilation, cancellationToken),
                    INamedTypeSymbol type => TypeParser.Parse(type, attributed.SemanticModel.Compilation, cancellationToken),
                    _ => null,
                })
                .Where(static model => model is not null)
                .Select(static (model, _) => model!)
                .WithTrackingName(TypesStep)
                .Collect())
            .Append(SubclassedAttributes(context))
            .Aggregate((all, next) => all.Combine(next).Select(static (pair, _) => pair.Left.AddRange(pair.Right)));

        // The order of the files, so types register in declaration order as reflection reads them.
        var fileOrder = context.CompilationProvider
            .Select(static (compilation, _) => compilation.SyntaxTrees.Select(tree => tree.FilePath).ToEquatable())
            .WithTrackingName(OrderStep);

        // An executable's registration is the one HugApi.Run reads without asking for the entry assembly.
        var isProgram = context.CompilationProvider
            .Select(static (compilation, _) => compilation.Options.OutputKind is OutputKind.ConsoleApplication or OutputKind.WindowsApplication);

        context.RegisterSourceOutput(types.Combine(fileOrder).Combine(isProgram),
            static (output, input) => Emit(output, input.Left.Left, input.Left.Right, input.Right));

        // A program that serves anything needs `serve` (ASP.NET Core's web host) compiled in; one that only has
        // commands leaves it out, so a Native AOT binary of it carries no Kestrel. Served endpoints are seen by
        // their attributes or by the API calls that add them in code; Hug.HugServe exists where the program references Hug.
        var serves = types.Select(static (all, _) => all.Any(t => t.Serves)).Combine(ServedInCode(context))
            .Select(static (pair, _) => pair.Left || pair.Right)
            .Combine(context.CompilationProvider.Select(static (compilation, _) => compilation.GetTypeByMetadataName(ServeInclusion.TypeName) is not null));
        context.RegisterSourceOutput(serves, static (output, input) =>
        {
            if (input.Left && input.Right) output.AddSource("HugServe.g.cs", ServeInclusion.Write());
        });

        // Likewise the session store: an API whose methods take no HugSession leaves it (and its in-memory cache) out.
        var sessions = types.Select(static (all, _) => all.Any(t => t.TakesSession))
            .Combine(context.CompilationProvider.Select(static (compilation, _) => compilation.GetTypeByMetadataName(ServeInclusion.SessionsTypeName) is not null));
        context.RegisterSourceOutput(sessions, static (output, input) =>
        {
            if (input.Left && input.Right) output.AddSource("HugSessions.g.cs", ServeInclusion.WriteSessions());
        });

        // HUG007 under PublishAot only (a build property the Hug package makes visible to the compiler): elsewhere the
        // step answers at once, so an ordinary build pays for one property read per edit.
        var publishesAot = context.AnalyzerConfigOptionsProvider.Select(static (options, _) =>
            options.GlobalOptions.TryGetValue("build_property.PublishAot", out var value) && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase));
        var missingJson = publishesAot.Combine(context.CompilationProvider)
            .Select(static (input, cancellationToken) => input.Left ? JsonMetadataCheck.Find(input.Right, cancellationToken) : EquatableArray<DiagnosticModel>.Empty);
        context.RegisterSourceOutput(missingJson.Combine(context.CompilationProvider), static (output, input) =>
        {
            foreach (var diagnostic in input.Left) output.ReportDiagnostic(diagnostic.ToDiagnostic(input.Right));
        });

        // Diagnostics are placed in the current syntax trees (so #pragma and .editorconfig apply to them);
        // this step runs on every edit, but only maps locations: the models above stay cached.
        var diagnostics = types.Select(static (all, _) => all.SelectMany(t => t.Diagnostics).Distinct().ToEquatable());
        context.RegisterSourceOutput(diagnostics.Combine(context.CompilationProvider), static (output, input) =>
        {
            foreach (var diagnostic in input.Left) output.ReportDiagnostic(diagnostic.ToDiagnostic(input.Right));
        });
    }

    /// <summary>
    /// Methods marked with a user's subclass of an endpoint attribute (<c>class MyGet : HttpAttribute</c>), which
    /// <c>ForAttributeWithMetadataName</c> does not match (it compares exact names). Only methods with an
    /// attribute no Hug attribute is named like are looked at semantically, so this costs little per edit.
    /// </summary>
    private static IncrementalValueProvider<ImmutableArray<TypeModel>> SubclassedAttributes(IncrementalGeneratorInitializationContext context) =>
        context.SyntaxProvider.CreateSyntaxProvider(
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax { AttributeLists.Count: > 0 } method
                    && method.AttributeLists.SelectMany(list => list.Attributes).Any(attribute => !KnownName(attribute.Name.ToString())),
                static (syntax, cancellationToken) =>
                    syntax.SemanticModel.GetDeclaredSymbol(syntax.Node, cancellationToken) is IMethodSymbol method
                    && KnownTypes.From(syntax.SemanticModel.Compilation) is { } known
                    && method.GetAttributes().Any(a => a.AttributeClass is { } type && !EndpointAttributes.Contains(type.ToDisplayString()) && known.IsEndpointAttribute(type))
                        ? TypeParser.Parse(method.ContainingType, syntax.SemanticModel.Compilation, cancellationToken)
                        : null)
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(TypesStep)
            .Collect();

    /// <summary>
    /// Whether code adds something served: <c>api.Http</c> (routes), <c>api.WebSocket&lt;T&gt;</c> or
    /// <c>Options.AllMethodsOverWebSocket</c>. Only member accesses with those names are looked at semantically.
    /// </summary>
    private static IncrementalValueProvider<bool> ServedInCode(IncrementalGeneratorInitializationContext context) =>
        context.SyntaxProvider.CreateSyntaxProvider(
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax access
                    && access.Name.Identifier.ValueText is "Http" or "WebSocket" or "AllMethodsOverWebSocket",
                static (syntax, cancellationToken) =>
                    syntax.SemanticModel.GetSymbolInfo(syntax.Node, cancellationToken).Symbol?.ContainingType?.ToDisplayString() is "Hug.HugApi" or "Hug.HugOptions")
            .Where(static served => served)
            .Collect()
            .Select(static (served, _) => served.Length > 0);

    /// <summary>Whether an attribute as written (<c>Get</c>, <c>Hug.GetAttribute</c>) names one of Hug's endpoint attributes.</summary>
    private static bool KnownName(string written)
    {
        var name = written.Substring(written.LastIndexOf('.') + 1);
        if (!name.EndsWith("Attribute", StringComparison.Ordinal)) name += "Attribute";
        return EndpointAttributes.Any(known => known.EndsWith("." + name, StringComparison.Ordinal));
    }

    private static void Emit(SourceProductionContext output, ImmutableArray<TypeModel> found, EquatableArray<string> fileOrder, bool isProgram)
    {
        // A type with several endpoint attributes is found once per attribute: keep one.
        var types = found.GroupBy(t => t.MetadataName).Select(g => g.First())
            .OrderBy(t => IndexOf(fileOrder, t.FilePath)).ThenBy(t => t.Position).ThenBy(t => t.MetadataName, StringComparer.Ordinal).ToList();
        if (types.Count > 0) output.AddSource("HugGeneratedEndpoints.g.cs", Emitter.Write(types, isProgram));
        foreach (var type in types.Where(t => t.Client is not null)) output.AddSource(type.MetadataName.Replace('+', '.') + ".HugClient.g.cs", type.Client!);
    }

    private static int IndexOf(EquatableArray<string> files, string path)
    {
        var index = files.Items.IndexOf(path);
        return index < 0 ? int.MaxValue : index;
    }
}
