namespace Hug.Tests.Support;

/// <summary>
/// Process timeouts, scaled for slow machines: HUG_TEST_TIMEOUT_SCALE=3 triples every one (a timeout bounds a wait
/// for a condition; it never decides a result).
/// </summary>
public static class TestTimeouts
{
    private static readonly double Factor =
        double.TryParse(Environment.GetEnvironmentVariable("HUG_TEST_TIMEOUT_SCALE"), System.Globalization.CultureInfo.InvariantCulture, out var factor) && factor > 0 ? factor : 1;

    public static TimeSpan Scale(TimeSpan timeout) => timeout * Factor;
}
