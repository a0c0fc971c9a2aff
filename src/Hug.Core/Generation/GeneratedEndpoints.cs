using System.ComponentModel;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Hug.Generation;

/// <summary>
/// Where Hug's source generator (Hug.Generators) leaves what it learnt at compile time about an
/// assembly's exposed methods: which types declare them, and for each the attributes, parameters,
/// documentation and a direct call. With it, start-up neither scans the assembly's types nor parses
/// custom attributes; an assembly without it (the <c>hug</c> tool's in-memory compilations, a project
/// without the generator) is read through reflection, to the same descriptors.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GeneratedEndpoints
{
    private static readonly object Gate = new(); // not System.Threading.Lock: its types would load at every start-up for one uncontended lock

    /// <summary>One per assembly, replaced whole under the lock (a handful of entries: an array, no dictionary to build at start-up).</summary>
    private static Registration[] registrations = [];

    /// <summary>The registration of the program's own assembly (the entry point's), when the generator ran on it.</summary>
    private static Registration? program;

    /// <summary>Called by the generated module initializer of an assembly.</summary>
    /// <param name="anchor">A type of the assembly the generator ran on (its generated class): the assembly is asked of it only when needed.</param>
    /// <param name="types">Every type declaring exposed methods or a WebSocket endpoint, in declaration order.</param>
    /// <param name="describe">What the generator knows of one of those types; null to read it through reflection.</param>
    /// <param name="isProgram">Whether the assembly is an executable (its types are what <c>HugApi.Run</c> serves).</param>
    /// <remarks>
    /// Nothing here asks a type for its <see cref="System.Reflection.Assembly"/> on a generated program's way to a command:
    /// under Native AOT the first <c>Assembly</c> object costs 0.4 M instructions (the runtime's assembly binder starts),
    /// about 6 % of a command-only program's start-up (benchmarks/RESULTS.md).
    /// </remarks>
    public static void Register(Type anchor, Func<Type[]> types, Func<Type, GeneratedType?> describe, bool isProgram = false)
    {
        var registration = new Registration(anchor, types, describe);
        lock (Gate)
        {
            registrations = ReadOnly.Append(Without(anchor, null), registration);
            if (isProgram) program = registration;
        }
    }

    /// <summary>
    /// The registrations but the one of <paramref name="anchor"/> or <paramref name="assembly"/>, as a new array (arrays, not a
    /// List: see <see cref="ReadOnly.Append"/>; no predicate delegate: its types would load at every start-up).
    /// </summary>
    private static Registration[] Without(Type? anchor, Assembly? assembly)
    {
        var count = 0;
        foreach (var registration in registrations)
            if (!Is(registration, anchor, assembly)) count++;
        var kept = new Registration[count];
        count = 0;
        foreach (var registration in registrations)
            if (!Is(registration, anchor, assembly)) kept[count++] = registration;
        return kept;
    }

    private static bool Is(Registration registration, Type? anchor, Assembly? assembly) =>
        anchor is not null ? registration.Anchor == anchor : ReferenceEquals(registration.Assembly, assembly);

    /// <summary>The types of <paramref name="assembly"/> that declare endpoints, when the generator ran on it.</summary>
    internal static Type[]? TypesOf(Assembly assembly) => Find(assembly)?.Types();

    /// <summary>
    /// The types of the program's own assembly that declare endpoints, when the generator ran on it. A native image has one
    /// executable, so no <c>Assembly</c> is asked there; with the JIT, an executable loaded as a library (a test referencing an
    /// example, the hug tool) also registers as one, so it must be the entry assembly.
    /// </summary>
    internal static Type[]? ProgramTypes =>
        Volatile.Read(ref program) is { } registration
        && (!RuntimeFeature.IsDynamicCodeSupported || ReferenceEquals(registration.Assembly, Assembly.GetEntryAssembly()))
            ? registration.Types()
            : null;

    /// <summary>The generated description of <paramref name="type"/> (the same instance on every call), if any.</summary>
    internal static GeneratedType? Describe(Type type)
    {
        var registration = Listing(type) ?? Find(type.Assembly);
        if (registration is null) return null;
        lock (Gate) return registration.Describe(type);
    }

    /// <summary>The registration that lists <paramref name="type"/>, found without asking for its assembly.</summary>
    private static Registration? Listing(Type type)
    {
        foreach (var registration in Volatile.Read(ref registrations))
            if (Array.IndexOf(registration.Types(), type) >= 0) return registration;
        return null;
    }

    private static Registration? Find(Assembly assembly)
    {
        if (Registered(assembly) is { } registration) return registration;
        // typeof(T) does not run T's module initializer; make sure the registration happened.
        if (assembly.IsDynamic) return null;
        RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
        return Registered(assembly);
    }

    private static Registration? Registered(Assembly assembly)
    {
        foreach (var registration in Volatile.Read(ref registrations))
            if (ReferenceEquals(registration.Assembly, assembly)) return registration;
        return null;
    }

    /// <summary>
    /// Drops the registration of <paramref name="assembly"/>, once its API has been built: the hug tool's
    /// --reload loads each version of an API into a collectible context, which this static would otherwise
    /// keep alive. (Not a weak table at registration: asking <c>Assembly.IsCollectible</c> there cost every
    /// command's start-up a ReadyToRun method and a runtime call.)
    /// </summary>
    /// <param name="assembly">An assembly whose endpoints were read.</param>
    public static void Forget(Assembly assembly)
    {
        lock (Gate)
        {
            registrations = Without(null, assembly);
            if (program is not null && ReferenceEquals(program.Assembly, assembly)) program = null;
        }
    }

    private sealed class Registration(Type anchor, Func<Type[]> types, Func<Type, GeneratedType?> describe)
    {
        private Type[]? listed;
        private Assembly? assembly;
        private Described[] described = []; // a handful, grown by one

        public Type Anchor => anchor;

        public Assembly Assembly => assembly ??= anchor.Assembly;

        public Type[] Types() => listed ??= types();

        /// <summary>Called under the lock; a type's description is made once.</summary>
        public GeneratedType? Describe(Type type)
        {
            foreach (var entry in described)
                if (entry.Type == type) return entry.Value;
            var value = describe(type);
            described = ReadOnly.Append(described, new Described(type, value));
            return value;
        }
    }

    private sealed class Described(Type type, GeneratedType? value)
    {
        public Type Type => type;
        public GeneratedType? Value => value;
    }
}

// The generated code constructs these (no object initializers: each init accessor would be one more method
// a command's start-up enters across assemblies).

/// <summary>One type as the generator saw it: its Hug attributes and its exposed methods.</summary>
/// <param name="attributes">The type's attributes that Hug reads (<c>[Cli]</c>, <c>[Requires]</c>, <c>[WebSocket]</c>, <c>[Description]</c>).</param>
/// <param name="summary">The type's documentation summary (its text, read at build time), when the compiler parsed comments.</param>
/// <param name="methods">The methods carrying an HTTP, <c>[Cli]</c>, <c>[SocketCall]</c> or <c>[Local]</c> attribute, in declaration order.</param>
/// <param name="factory">
/// Makes the type's instance factory (through DI, per call or per connection), for a type with instance endpoints or a
/// <c>[WebSocket]</c> endpoint: written with the type as a type argument, so trimming and Native AOT keep its constructors.
/// </param>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GeneratedType(Attribute[] attributes, string? summary, GeneratedMethod[] methods,
    Func<Microsoft.Extensions.DependencyInjection.ObjectFactory>? factory = null)
{
    /// <summary>The type's attributes that Hug reads.</summary>
    public Attribute[] Attributes { get; } = attributes;

    /// <summary>The type's documentation summary, when the compiler parsed comments.</summary>
    public string? Summary { get; } = summary;

    /// <summary>The exposed methods, in declaration order.</summary>
    public GeneratedMethod[] Methods { get; } = methods;

    /// <summary>Makes the type's instance factory; null for a static type (or one without instance endpoints).</summary>
    public Func<Microsoft.Extensions.DependencyInjection.ObjectFactory>? Factory { get; } = factory;
}

/// <summary>One exposed method as the generator saw it.</summary>
/// <param name="name">The method's name.</param>
/// <param name="method">Finds the method through reflection; called only when something needs the <see cref="MethodInfo"/>.</param>
/// <param name="isStatic">Whether the method is static.</param>
/// <param name="returnType">The declared return type.</param>
/// <param name="attributes">The method's attributes that Hug reads.</param>
/// <param name="summary">The method's documentation summary (its text, read at build time), when the compiler parsed comments.</param>
/// <param name="returns">The text of its <c>&lt;returns&gt;</c> comment.</param>
/// <param name="call">
/// Makes the typed call site over the parameters' binders (each an <see cref="IArgumentBinder{T}"/>) and, for an
/// instance method, what gives the call's target: a <c>Func&lt;CallArguments, ValueTask&lt;TResult&gt;&gt;</c> (TResult
/// <see cref="Invocation.NoResult"/> for none). Null when generated code cannot reach the method (reflection calls it).
/// </param>
/// <param name="parameters">The parameters, in order.</param>
/// <param name="result">The shape of the result type (<see cref="Shapes"/>), when it is not one of the common types; null: the core's.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GeneratedMethod(string name, Func<MethodInfo> method, bool isStatic, Type returnType, Attribute[] attributes,
    string? summary, string? returns, Func<object[], Func<CallArguments, object>?, Delegate>? call, GeneratedParameter[] parameters,
    Invocation.TypeShape? result = null)
{
    /// <summary>The method's name.</summary>
    public string Name { get; } = name;

    /// <summary>Finds the method through reflection; called only when something needs the <see cref="MethodInfo"/>.</summary>
    public Func<MethodInfo> Method { get; } = method;

    /// <summary>Whether the method is static.</summary>
    public bool IsStatic { get; } = isStatic;

    /// <summary>The declared return type.</summary>
    public Type ReturnType { get; } = returnType;

    /// <summary>The method's attributes that Hug reads.</summary>
    public Attribute[] Attributes { get; } = attributes;

    /// <summary>The parameters, in order.</summary>
    public GeneratedParameter[] Parameters { get; } = parameters;

    /// <summary>The method's documentation summary, when the compiler parsed comments.</summary>
    public string? Summary { get; } = summary;

    /// <summary>The text of the method's <c>&lt;returns&gt;</c> comment.</summary>
    public string? Returns { get; } = returns;

    /// <summary>Makes the typed call site over the binders (and the target of an instance method); null: reflection calls it.</summary>
    public Func<object[], Func<CallArguments, object>?, Delegate>? Call { get; } = call;

    /// <summary>The shape of the result type, when the generator wrote one.</summary>
    public Invocation.TypeShape? Result { get; } = result;
}

/// <summary>
/// One parameter as declared: written by the generator, or read through reflection for a method it did not
/// describe (<see cref="Introspection.MethodFacts.Reflect"/>); the one model of a declaration either way.
/// </summary>
/// <param name="name">The parameter's name.</param>
/// <param name="type">The parameter's type.</param>
/// <param name="attributes">The parameter's attributes that Hug reads (validation, directives, <c>[Delimited]</c>, <c>[Description]</c>).</param>
/// <param name="hasDefault">Whether it has a default value.</param>
/// <param name="defaultValue">The default value as compiled (an enum's as the enum).</param>
/// <param name="isNullable">Whether a reference type is annotated nullable (<c>string?</c>).</param>
/// <param name="fromServices">Whether an attribute implementing ASP.NET Core's <c>IFromServiceMetadata</c> marks it.</param>
/// <param name="shape">The type's shape (<see cref="Shapes"/>) when it is not one of the common scalars; null: the core's, or reflection.</param>
/// <param name="documentation">The text of the method's <c>&lt;param&gt;</c> comment for it (generated); null: none, or read from the XML file.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GeneratedParameter(string name, Type type, Attribute[] attributes,
    bool hasDefault = false, object? defaultValue = null, bool isNullable = false, bool fromServices = false,
    Invocation.TypeShape? shape = null, string? documentation = null)
{
    /// <summary>The parameter's name.</summary>
    public string Name { get; } = name;

    /// <summary>The parameter's type.</summary>
    public Type Type { get; } = type;

    /// <summary>Whether it has a default value.</summary>
    public bool HasDefault { get; } = hasDefault;

    /// <summary>The default value as compiled (an enum's as the enum).</summary>
    public object? DefaultValue { get; } = defaultValue;

    /// <summary>Whether a reference type is annotated nullable (<c>string?</c>).</summary>
    public bool IsNullable { get; } = isNullable;

    /// <summary>Whether an attribute implementing ASP.NET Core's <c>IFromServiceMetadata</c> marks it.</summary>
    public bool FromServices { get; } = fromServices;

    /// <summary>The parameter's attributes that Hug reads.</summary>
    public Attribute[] Attributes { get; } = attributes;

    /// <summary>The type's shape, when the generator wrote one.</summary>
    public Invocation.TypeShape? Shape { get; } = shape;

    /// <summary>The text of the method's <c>&lt;param&gt;</c> comment for it, when the generator read one.</summary>
    public string? Documentation { get; } = documentation;
}
