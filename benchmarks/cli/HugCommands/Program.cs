// examples/Addition as a command only (no HTTP route): what a command-line tool written with Hug pays at
// start-up. Nothing here is served, so the generator leaves `serve` and ASP.NET Core's web host out of a
// Native AOT binary (compare its size and start-up with examples/Addition's).
using Hug;

return HugApi.Run(args);

/// <summary>A simple API to enable adding two numbers together</summary>
public static class Addition
{
    /// <summary>Returns the result of adding number_1 to number_2</summary>
    [Cli]
    public static int Add(int number_1, int number_2) => number_1 + number_2;
}
