using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Hug.Binding;

/// <summary>
/// DataAnnotations validation of a bound object and its nested members, planned once per type:
/// the attributes on each property (and on a record's primary-constructor parameter of the same
/// name, which DataAnnotations alone would miss), <see cref="IValidatableObject"/>, nested objects
/// and collections of objects. Error keys are JSON paths below the parameter (<c>person.address.city</c>),
/// named by the API's JSON settings: validators belong to those settings (<see cref="ObjectValidators"/>).
/// </summary>
internal sealed class ObjectValidator
{
    private const int MaxDepth = 32;
    private readonly ObjectValidators all;
    private readonly List<Member> members = [];
    private bool validatable;

    private ObjectValidator(ObjectValidators all) => this.all = all;

    /// <summary>Plans the validator of <paramref name="type"/>; null when it has nothing to validate. Called by <see cref="ObjectValidators"/>, under its lock.</summary>
    internal static ObjectValidator? Plan(Type type, ObjectValidators all, Action<Type, ObjectValidator?> remember)
    {
        if (!IsValidatableShape(type, all.Json)) return null;
        var validator = new ObjectValidator(all);
        remember(type, validator); // before planning: a type that contains itself finds its validator
        validator.Plan(type, all.Json);
        return validator.members.Count == 0 && !validator.validatable ? null : validator;
    }

    public void Validate(object instance, string prefix, BindingContext context) => Validate(instance, prefix, context, 0);

    private void Validate(object instance, string prefix, BindingContext context, int depth)
    {
        if (depth > MaxDepth) return;
        foreach (var member in members)
        {
            var value = member.Get(instance);
            var key = prefix + "." + member.Name;
            if (member.Attributes.Length > 0)
            {
                var validationContext = new ValidationContext(instance, member.Name, null, null) { MemberName = member.Name };
                foreach (var attribute in member.Attributes)
                    if (attribute.GetValidationResult(value, validationContext) is { } result && result != ValidationResult.Success)
                        context.AddError(key, Rules.Failure(attribute, value) ?? result.ErrorMessage ?? $"Invalid {member.Name}");
            }
            if (value is null || member.NestedType is null) continue;
            if (member.IsCollection)
            {
                var index = 0;
                foreach (var item in (IEnumerable)value)
                {
                    if (item is not null && all.For(item.GetType()) is { } itemValidator)
                        itemValidator.Validate(item, $"{key}[{index}]", context, depth + 1);
                    index++;
                }
            }
            else if (all.For(member.NestedType) is { } nested)
            {
                nested.Validate(value, key, context, depth + 1);
            }
        }
        if (validatable && !context.HasErrorsUnder(prefix))
            foreach (var result in ((IValidatableObject)instance).Validate(new ValidationContext(instance, instance.GetType().Name, null, null)))
            {
                var names = result.MemberNames.ToArray();
                if (names.Length == 0) context.AddError(prefix, result.ErrorMessage ?? "Invalid value");
                foreach (var name in names)
                    context.AddError(prefix + "." + (ByClrName(name)?.Name ?? name), result.ErrorMessage ?? "Invalid value");
            }

        Member? ByClrName(string clrName) => members.FirstOrDefault(m => m.ClrName == clrName);
    }

    /// <summary>
    /// The members to validate, read from System.Text.Json's metadata of the type (generated or reflected, the same
    /// metadata that binds it): their JSON names, getters, and the attributes of each property and of the constructor
    /// parameter it is bound through. No reflection over the type here, so it holds under Native AOT.
    /// </summary>
    private void Plan(Type type, JsonSerializerOptions json)
    {
        validatable = typeof(IValidatableObject).IsAssignableFrom(type);
        foreach (var property in json.GetTypeInfo(type).Properties)
        {
            if (property.Get is not { } get) continue;
            var attributes = ValidatorsOn(property.AttributeProvider).Concat(ValidatorsOn(property.AssociatedParameter?.AttributeProvider)).Distinct().ToArray();
            var collectionElement = property.PropertyType != typeof(string) ? ElementOf(property.PropertyType, json) : null;
            var nestedType = collectionElement ?? property.PropertyType;
            var hasNested = IsValidatableShape(nestedType, json);
            if (attributes.Length == 0 && !hasNested) continue;
            var clrName = (property.AttributeProvider as MemberInfo)?.Name ?? property.Name;
            members.Add(new Member(property.Name, clrName, get, attributes, hasNested ? nestedType : null, collectionElement is not null));
        }
    }

    private static IEnumerable<ValidationAttribute> ValidatorsOn(ICustomAttributeProvider? provider) =>
        provider?.GetCustomAttributes(typeof(ValidationAttribute), true).Cast<ValidationAttribute>() ?? [];

    /// <summary>An object System.Text.Json reads member by member, of the user's (not a framework type).</summary>
    private static bool IsValidatableShape(Type type, JsonSerializerOptions json) =>
        type != typeof(string) && type.Namespace?.StartsWith("System", StringComparison.Ordinal) != true
        && Nullable.GetUnderlyingType(type) is null && KindOf(type, json) == JsonTypeInfoKind.Object;

    /// <summary>The element type of a type System.Text.Json reads as an array.</summary>
    private static Type? ElementOf(Type type, JsonSerializerOptions json) =>
        KindOf(type, json) == JsonTypeInfoKind.Enumerable ? json.GetTypeInfo(type).ElementType : null;

    private static JsonTypeInfoKind KindOf(Type type, JsonSerializerOptions json)
    {
        try
        {
            return json.GetTypeInfo(type).Kind;
        }
        catch (Exception exception) when (exception is NotSupportedException or InvalidOperationException or ArgumentException)
        {
            return JsonTypeInfoKind.None; // a type System.Text.Json cannot handle has nothing to validate
        }
    }

    private sealed record Member(string Name, string ClrName, Func<object, object?> Get, ValidationAttribute[] Attributes,
        Type? NestedType, bool IsCollection);
}

/// <summary>
/// The object validators of one set of JSON settings (one API's: <see cref="HugOptions"/> holds it), planned once per type.
/// Not a static cache: error keys follow each API's naming policy, and nothing pins the types of an unloaded assembly.
/// </summary>
internal sealed class ObjectValidators(JsonSerializerOptions json)
{
    private readonly ConcurrentDictionary<Type, ObjectValidator?> cache = new();
    private readonly object gate = new();

    public JsonSerializerOptions Json => json;

    public ObjectValidator? For(Type type)
    {
        if (cache.TryGetValue(type, out var cached)) return cached;
        lock (gate)
        {
            if (cache.TryGetValue(type, out cached)) return cached;
            var planned = ObjectValidator.Plan(type, this, (t, v) => cache[t] = v);
            cache[type] = planned;
            return planned;
        }
    }
}
