using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hug;

/// <summary>
/// A directive: the time since the call began (before binding). Returned in a result it
/// serialises as seconds, like hug's timer; a client reading that result back gets a timer stopped at those seconds.
/// </summary>
[JsonConverter(typeof(HugTimer.SecondsConverter))]
public sealed class HugTimer
{
    private readonly long started;
    private readonly TimeSpan? stopped;
    private readonly int? digits;

    internal HugTimer(long started, int? digits = null)
    {
        this.started = started;
        this.digits = digits;
    }

    private HugTimer(TimeSpan stopped) => this.stopped = stopped;

    /// <summary>Time elapsed since the call began (for a timer read from an answer: when it was written).</summary>
    public TimeSpan Elapsed => stopped ?? Stopwatch.GetElapsedTime(started);

    /// <summary>Elapsed seconds, rounded to the parameter's <see cref="TimerPrecisionAttribute"/> when it has one.</summary>
    public double Seconds => digits is { } kept ? Math.Round(Elapsed.TotalSeconds, kept, MidpointRounding.AwayFromZero) : Elapsed.TotalSeconds;

    /// <inheritdoc />
    public override string ToString() => Seconds.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Writes a timer as its seconds. Public (and hidden) so that System.Text.Json's source generator, run on a user's
    /// context that contains a timer, can name it: Native AOT has no other way to write one.
    /// </summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public sealed class SecondsConverter : JsonConverter<HugTimer>
    {
        /// <summary>Reads the seconds a timer was written with, as a stopped timer (a client reading a result).</summary>
        public override HugTimer Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(TimeSpan.FromSeconds(reader.GetDouble()));

        /// <summary>Writes the elapsed seconds.</summary>
        public override void Write(Utf8JsonWriter writer, HugTimer value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Seconds);
    }
}
