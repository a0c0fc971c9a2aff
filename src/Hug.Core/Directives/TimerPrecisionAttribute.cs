namespace Hug;

/// <summary>
/// On a <see cref="HugTimer"/> parameter: its seconds are rounded to <paramref name="digits"/> decimal digits wherever
/// they show (<see cref="HugTimer.Seconds"/>, text, JSON), as hug's <c>hug_timer=3</c> does.
/// </summary>
/// <param name="digits">Decimal digits kept, 0 to 15.</param>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class TimerPrecisionAttribute(int digits) : Attribute
{
    /// <summary>Decimal digits kept.</summary>
    public int Digits { get; } = digits;
}
