using System.Text.Json;

namespace Hug.Binding;

/// <summary>
/// A list of scalars from repeated values (<c>?tag=a&amp;tag=b</c>) or a JSON array. A comma is a
/// separator only when the parameter declares one with <see cref="DelimitedAttribute"/> (hug's #623).
/// </summary>
internal sealed class CollectionConverter<TCollection, TElement>(
    ScalarConverter<TElement> element, string? delimiter, Func<List<TElement>, TCollection> create)
    : ValueConverter<TCollection>, ICollectionConverter
{
    public ValueConverter Element => element;
    public string? Delimiter => delimiter;

    public override string Description => delimiter is null
        ? $"Multiple values (repeat the parameter), each: {element.Description}"
        : $"Values separated by '{delimiter}', each: {element.Description}";

    public override bool TryConvert(in RawValue raw, out TCollection value, out ConversionError error)
    {
        var items = new List<TElement>();
        error = default;
        var ok = true;
        if (raw.Kind == RawKind.Json && raw.Json.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in raw.Json.EnumerateArray())
                ok &= Add(items, RawValue.FromJson(item), index++, ref error);
        }
        else if (raw.Kind == RawKind.Json)
        {
            ok = Add(items, raw, 0, ref error);
        }
        else
        {
            var index = 0;
            foreach (var text in raw.Strings)
            {
                if (delimiter is null)
                {
                    ok &= Add(items, RawValue.FromStrings(text), index++, ref error);
                    continue;
                }
                foreach (var part in (text ?? "").Split(delimiter, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    ok &= Add(items, RawValue.FromStrings(part), index++, ref error);
            }
        }
        value = ok ? create(items) : default!;
        return ok;
    }

    private bool Add(List<TElement> items, RawValue raw, int index, ref ConversionError error)
    {
        if (element.TryConvert(raw, out var item, out var itemError))
        {
            items.Add(item);
            return true;
        }
        if (error.Message is null) error = new ConversionError(itemError.Message, $"[{index}]");
        return false;
    }
}

/// <summary>A converter of several values of one element type.</summary>
internal interface ICollectionConverter
{
    ValueConverter Element { get; }
    string? Delimiter { get; }
}
