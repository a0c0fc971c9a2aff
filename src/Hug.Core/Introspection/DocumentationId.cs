using System.Reflection;
using System.Text;

namespace Hug.Introspection;

/// <summary>The C# compiler's documentation comment ID of a member (<c>M:Ns.Type.Method(System.Int32)</c>).</summary>
internal static class DocumentationId
{
    public static string Of(MemberInfo member) => member switch
    {
        Type type => "T:" + TypeName(type),
        MethodInfo method => MethodId(method),
        _ => member.MemberType.ToString()[0] + ":" + TypeName(member.DeclaringType!) + "." + member.Name,
    };

    private static string MethodId(MethodInfo method)
    {
        var builder = new StringBuilder("M:").Append(TypeName(method.DeclaringType!)).Append('.').Append(method.Name);
        if (method.IsGenericMethod) builder.Append("``").Append(method.GetGenericArguments().Length);
        var parameters = method.GetParameters();
        if (parameters.Length > 0)
        {
            builder.Append('(');
            for (var i = 0; i < parameters.Length; i++)
            {
                if (i > 0) builder.Append(',');
                AppendParameterType(builder, parameters[i].ParameterType);
            }
            builder.Append(')');
        }
        return builder.ToString();
    }

    private static string TypeName(Type type)
    {
        if (type.IsGenericType) type = type.GetGenericTypeDefinition();
        var name = type.FullName ?? type.Name;
        return name.Replace('+', '.');
    }

    private static void AppendParameterType(StringBuilder builder, Type type)
    {
        if (type.IsByRef)
        {
            AppendParameterType(builder, type.GetElementType()!);
            builder.Append('@');
        }
        else if (type.IsArray)
        {
            AppendParameterType(builder, type.GetElementType()!);
            builder.Append('[').Append(new string(',', type.GetArrayRank() - 1)).Append(']');
        }
        else if (type.IsGenericMethodParameter)
        {
            builder.Append("``").Append(type.GenericParameterPosition);
        }
        else if (type.IsGenericParameter)
        {
            builder.Append('`').Append(type.GenericParameterPosition);
        }
        else if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition().FullName!;
            builder.Append(definition[..definition.IndexOf('`')].Replace('+', '.')).Append('{');
            var arguments = type.GetGenericArguments();
            for (var i = 0; i < arguments.Length; i++)
            {
                if (i > 0) builder.Append(',');
                AppendParameterType(builder, arguments[i]);
            }
            builder.Append('}');
        }
        else
        {
            builder.Append((type.FullName ?? type.Name).Replace('+', '.'));
        }
    }
}
