// The floor for a command of an API on System.CommandLine: what any such command pays before doing
// anything of its own. ASP.NET Core's framework is referenced (the same app serves HTTP), the root is a
// plain Command (no help or version option built), the arguments are text, the sum is printed.
using System.CommandLine;

Argument<string> first = new("number_1");
Argument<string> second = new("number_2");
Command add = new("add") { first, second };
add.SetAction(result =>
{
    Console.WriteLine(int.Parse(result.GetValue(first)!) + int.Parse(result.GetValue(second)!));
    return 0;
});
Command root = new("floor");
root.Subcommands.Add(add);
return root.Parse(args).Invoke();
