using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hug;

/// <summary>
/// A directive: the time since the call began (before binding). Returned in a result it
/// serialises as seconds, like hug's timer.
/// </summary>
[JsonConverter(typeof(HugTimer.SecondsConverter))]
public sealed class HugTimer
{
    private readonly long started;

    internal HugTimer(long started) => this.started = started;

    /// <summary>Time elapsed since the call began.</summary>
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(started);

    /// <summary>Elapsed seconds.</summary>
    public double Seconds => Elapsed.TotalSeconds;

    /// <inheritdoc />
    public override string ToString() => Seconds.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Writes a timer as its seconds. Public (and hidden) so that System.Text.Json's source generator, run on a user's
    /// context that contains a timer, can name it: Native AOT has no other way to write one.
    /// </summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public sealed class SecondsConverter : JsonConverter<HugTimer>
    {
        /// <summary>Refused: a timer is only written.</summary>
        public override HugTimer Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("A timer is only written.");

        /// <summary>Writes the elapsed seconds.</summary>
        public override void Write(Utf8JsonWriter writer, HugTimer value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Seconds);
    }
}
