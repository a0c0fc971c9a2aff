using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Hug.Formats;

/// <summary>Picks the offered format the client accepts most (RFC 9110 q-values; ties go to the endpoint's order).</summary>
internal static class FormatNegotiation
{
    /// <summary>The chosen format, or null when the client accepts none of them (a 406).</summary>
    public static OutputFormat? Choose(IReadOnlyList<OutputFormat> offered, StringValues accept)
    {
        if (StringValues.IsNullOrEmpty(accept) || !MediaTypeHeaderValue.TryParseList(accept, out var ranges) || ranges.Count == 0)
            return offered[0];
        OutputFormat? best = null;
        var bestQuality = 0.0;
        foreach (var format in offered)
        {
            var quality = Quality(format.MediaType, ranges);
            if (quality > bestQuality) (best, bestQuality) = (format, quality);
        }
        return best;
    }

    /// <summary>The q-value the most specific matching range gives <paramref name="mediaType"/>.</summary>
    private static double Quality(string mediaType, IList<MediaTypeHeaderValue> ranges)
    {
        var slash = mediaType.IndexOf('/');
        var type = mediaType.AsSpan(0, slash);
        var subtype = mediaType.AsSpan(slash + 1);
        double quality = 0;
        var specificity = -1;
        foreach (var range in ranges)
        {
            int matched;
            if (range.Type.Equals("*", StringComparison.Ordinal)) matched = 0;
            else if (!range.Type.AsSpan().Equals(type, StringComparison.OrdinalIgnoreCase)) continue;
            else if (range.SubType.Equals("*", StringComparison.Ordinal)) matched = 1;
            else if (range.SubType.AsSpan().Equals(subtype, StringComparison.OrdinalIgnoreCase)) matched = 2;
            else continue;
            if (matched > specificity) (specificity, quality) = (matched, range.Quality ?? 1.0);
        }
        return quality;
    }
}
