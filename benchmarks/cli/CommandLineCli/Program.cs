// The baseline for command start-up: the same command written directly on System.CommandLine 2.0.
using System.CommandLine;

Argument<int> first = new("number_1") { Description = "A whole number" };
Argument<int> second = new("number_2") { Description = "A whole number" };
Command add = new("add", "Returns the result of adding number_1 to number_2") { first, second };
add.SetAction(result => Console.WriteLine(result.GetValue(first) + result.GetValue(second)));
RootCommand root = new("A simple API to enable adding two numbers together");
root.Subcommands.Add(add);
return root.Parse(args).Invoke();
