using Hug;

// The command line (every [Cli] method, and `serve` for the [Get]/[Post] ones): dotnet run -- add 1 2, dotnet run -- serve
return HugApi.Run(args);

/// <summary>A simple API to enable adding two numbers together</summary>
public static class Addition
{
    /// <summary>Returns the result of adding number_1 to number_2</summary>
    [Get(Examples = "number_1=1&number_2=2"), Cli]
    public static int Add(int number_1, int number_2) => number_1 + number_2;
}
