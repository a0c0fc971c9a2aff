using System.Reflection;
using Hug.Tests.Support;

namespace Hug.Tests;

/// <summary>
/// The public API of Hug's assemblies (the core, its adapters and the one that ties them), pinned in
/// PublicApi.txt so every change to it shows in review.
/// After an intended change: HUG_UPDATE_PUBLIC_API=1 dotnet test, and commit the file.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void PublicApiIsAsRecorded()
    {
        var path = Path.Combine(ExampleProcess.RepositoryRoot, "tests", "Hug.Tests", "PublicApi.txt");
        Assembly[] assemblies = [typeof(HugApi).Assembly, typeof(InputFormat).Assembly, typeof(CliExitCodes).Assembly, typeof(HugApiRunExtensions).Assembly, typeof(Hug.Testing.HugTestHost).Assembly, typeof(HugApiRedisExtensions).Assembly];
        var actual = string.Join('\n', assemblies.SelectMany(assembly => Describe(assembly).Prepend("# " + assembly.GetName().Name))) + "\n";
        if (Environment.GetEnvironmentVariable("HUG_UPDATE_PUBLIC_API") == "1") File.WriteAllText(path, actual);
        Assert.Equal(File.ReadAllText(path), actual);
    }

    private static IEnumerable<string> Describe(Assembly assembly)
    {
        const BindingFlags members = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        // C# 14 extension blocks compile to nested marker types named by a hash: their members show on the static class.
        foreach (var type in assembly.GetExportedTypes().Where(t => !t.FullName!.Contains('<')).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            yield return $"{Kind(type)} {type.FullName}" + (type.BaseType is { } b && b != typeof(object) && b != typeof(ValueType) ? $" : {Name(b)}" : "");
            foreach (var member in type.GetMembers(members).Select(Member).Where(m => m is not null).Order(StringComparer.Ordinal))
                yield return "  " + member;
        }
    }

    private static string? Member(MemberInfo member) => member switch
    {
        ConstructorInfo c => $"ctor({Parameters(c)})",
        MethodInfo { IsSpecialName: false } m when m.Name != "<Clone>$" => $"{(m.IsStatic ? "static " : "")}{Name(m.ReturnType)} {m.Name}({Parameters(m)})",
        PropertyInfo p => $"{Name(p.PropertyType)} {p.Name} {{ {(p.GetMethod?.IsPublic == true ? "get; " : "")}{(p.SetMethod?.IsPublic == true ? "set; " : "")}}}",
        FieldInfo f => $"{(f.IsLiteral ? "const " : f.IsStatic ? "static " : "")}{Name(f.FieldType)} {f.Name}",
        _ => null,
    };

    private static string Parameters(MethodBase method) =>
        string.Join(", ", method.GetParameters().Select(p => $"{Name(p.ParameterType)} {p.Name}{(p.HasDefaultValue ? " = " + (p.DefaultValue ?? "null") : "")}"));

    private static string Kind(Type type) =>
        type.IsInterface ? "interface" : type.IsEnum ? "enum" : type.IsValueType ? "struct" : type.IsAbstract && type.IsSealed ? "static class" : type.IsAbstract ? "abstract class" : "class";

    private static string Name(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`')]}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>"
        : type.Name;
}
