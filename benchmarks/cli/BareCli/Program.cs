// The baseline for command start-up: parse two ints, print the sum, nothing else.
if (args.Length == 3 && args[0] == "add" && int.TryParse(args[1], out var a) && int.TryParse(args[2], out var b))
{
    Console.WriteLine(a + b);
    return 0;
}
Console.Error.WriteLine("usage: add NUMBER_1 NUMBER_2");
return 2;
