using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Hug.Generators;

/// <summary>
/// What the generator learnt about one type that declares endpoints, in values that compare by content,
/// so an edit elsewhere leaves it equal and the output cached. The registration of the type is kept as
/// the C# the emitter writes (the parser reads attribute arguments, defaults and types from symbols).
/// </summary>
/// <param name="MetadataName">The type's runtime name (<c>Ns.Outer+Inner</c>), the key types are told apart by.</param>
/// <param name="TypeOf">A <c>typeof</c> expression for it; null when generated code cannot name it (then it is found by name).</param>
/// <param name="Description">The <c>GeneratedType</c> expression; null to leave the type to reflection at run time.</param>
/// <param name="FilePath">The file declaring it, for the order types are registered in.</param>
/// <param name="Position">Where it starts in that file.</param>
/// <param name="Diagnostics">What the parser found wrong, reported at build time.</param>
/// <param name="Serves">Whether it has HTTP routes, WebSocket calls, is a WebSocket endpoint or reads <c>[Documentation]</c> (the program needs Hug's web side).</param>
/// <param name="TakesSession">Whether an exposed method takes a <c>HugSession</c> (the program needs the session store).</param>
/// <param name="Client">The typed client of the type's endpoints as C# (<c>NotesClient</c>), or null when none is written.</param>
internal sealed record TypeModel(string MetadataName, string? TypeOf, string? Description, string FilePath, int Position,
    EquatableArray<DiagnosticModel> Diagnostics, bool Serves, bool TakesSession, string? Client = null);

/// <summary>A diagnostic as a value: its descriptor's id, where, and the message's arguments.</summary>
internal sealed record DiagnosticModel(string Id, LocationModel? Location, EquatableArray<string> Arguments)
{
    public Diagnostic ToDiagnostic(Compilation compilation) =>
        Diagnostic.Create(DiagnosticDescriptors.ById(Id), Location?.ToLocation(compilation), [.. Arguments.Items]);
}

/// <summary>A source location as a value (a <see cref="Location"/> holds its syntax tree, which changes with every edit).</summary>
internal sealed record LocationModel(string FilePath, TextSpan Span, LinePositionSpan Lines)
{
    public static LocationModel? From(Location? location) =>
        location is { IsInSource: true } ? new LocationModel(location.SourceTree?.FilePath ?? "", location.SourceSpan, location.GetLineSpan().Span) : null;

    /// <summary>The location in <paramref name="compilation"/>'s tree of that file, else by path.</summary>
    public Location ToLocation(Compilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees)
            if (tree.FilePath == FilePath) return Location.Create(tree, Span);
        return Location.Create(FilePath, Span, Lines);
    }
}
