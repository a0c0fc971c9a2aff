// A start-up peer: the same command on Cysharp's ConsoleAppFramework 5.8 (a source generator, no reflection).
using ConsoleAppFramework;

var app = ConsoleApp.Create();
app.Add<Addition>();
app.Run(args);

/// <summary>A simple API to enable adding two numbers together</summary>
public sealed class Addition
{
    /// <summary>Returns the result of adding number_1 to number_2</summary>
    /// <param name="number_1">A whole number</param>
    /// <param name="number_2">A whole number</param>
    [Command("add")]
    public void Add([Argument] int number_1, [Argument] int number_2) => Console.WriteLine(number_1 + number_2);
}
