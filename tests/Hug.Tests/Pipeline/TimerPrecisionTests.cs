namespace Hug.Tests.Pipeline;

/// <summary>hug's <c>hug_timer=3</c>: <c>[TimerPrecision(3)]</c> rounds the timer where it shows (issue 22, item 3).</summary>
public sealed class TimerPrecisionTests
{
    public static class Timed
    {
        [Cli]
        public static string Three([TimerPrecision(3)] HugTimer timer)
        {
            Thread.Sleep(2);
            return $"{timer.Seconds}|{timer}";
        }
    }

    public static class OnText
    {
        [Cli]
        public static string Wrong([TimerPrecision(3)] string text) => text;
    }

    public static class TooMany
    {
        [Cli]
        public static string Wrong([TimerPrecision(16)] HugTimer timer) => timer.ToString();
    }

    [Fact]
    public async Task SecondsAndTextKeepTheDigits()
    {
        var (exit, output, _) = await Support.CliRun.RunAsync(typeof(Timed), "three");
        Assert.Equal(0, exit);
        var parts = output.TrimEnd().Split('|');
        Assert.All(parts, part => Assert.Matches(@"^\d+(\.\d{1,3})?$", part)); // each read is rounded (the two may differ: the clock runs)
    }

    [Fact]
    public void ASettingOnAnotherTypeOrTooManyDigitsIsAConfigurationError()
    {
        Assert.Contains("[TimerPrecision] on parameter 'text' needs a HugTimer parameter",
            Assert.Throws<HugConfigurationException>(() => new HugApi().AddType(typeof(OnText))).Message);
        Assert.Contains("[TimerPrecision(16)] on parameter 'timer': digits must be 0 to 15",
            Assert.Throws<HugConfigurationException>(() => new HugApi().AddType(typeof(TooMany))).Message);
    }
}
