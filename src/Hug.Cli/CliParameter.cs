using Hug.Formats;
using System.CommandLine;
using System.CommandLine.Parsing;
using Hug.Binding;
using Hug.Introspection;
using Microsoft.Extensions.Primitives;

namespace Hug.Cli;

/// <summary>
/// How one parameter appears on the command line: required values are positional arguments in
/// order (a trailing list is variadic), the rest are <c>--kebab-case</c> options, <c>bool</c> with
/// default <c>false</c> a flag, lists repeatable. Everything is parsed as text and converted by the
/// shared binder, so messages match HTTP's.
/// </summary>
internal sealed class CliParameter
{
    private readonly Argument? argument;
    private readonly Option? option;
    private readonly bool flag;

    private CliParameter(ParameterDescriptor parameter, Argument? argument, Option? option, bool flag)
    {
        Parameter = parameter;
        this.argument = argument;
        this.option = option;
        this.flag = flag;
    }

    public ParameterDescriptor Parameter { get; }

    public Symbol Symbol => (Symbol?)argument ?? option!;

    /// <summary>Maps the inputs of <paramref name="endpoint"/>, in order, to arguments and options.</summary>
    public static CliParameter[] For(EndpointDescriptor endpoint, HugApi api)
    {
        // HugApi.TakesAsInput's rule, written out: calling it is one more ReadyToRun method at every start-up (0.03 M instructions).
        ParameterDescriptor? lastRequired = null;
        foreach (var parameter in endpoint.Parameters)
            if (parameter.IsInput && (parameter.Source != ParameterSource.Json || !api.IsService(parameter.Type)) && parameter.IsRequired) lastRequired = parameter;
        var mapped = new CliParameter[endpoint.Parameters.Length]; // an array, not a List (ReadOnly.Append says why)
        var count = 0;
        foreach (var parameter in endpoint.Parameters)
        {
            if (!parameter.IsInput || (parameter.Source == ParameterSource.Json && api.IsService(parameter.Type))) continue;
            var isList = parameter.Converter is ICollectionConverter;
            if (parameter.IsRequired && (!isList || parameter == lastRequired))
            {
                Argument positional = isList ? Variadic(parameter.Name) : new Argument<string>(parameter.Name) { Arity = ArgumentArity.ExactlyOne };
                AddChoices(positional, parameter);
                mapped[count++] = new CliParameter(parameter, positional, null, false);
                continue;
            }
            mapped[count++] = Named(parameter, isList);
        }
        if (count < mapped.Length) Array.Resize(ref mapped, count);
        return mapped;
    }

    // Options and list arguments in methods of their own: a method's types load when it is first
    // called, and a command of required scalars (add 1 2) needs neither.

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static Argument Variadic(string name) => new Argument<string[]>(name) { Arity = ArgumentArity.OneOrMore };

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static CliParameter Named(ParameterDescriptor parameter, bool isList)
    {
        var name = "--" + Naming.Kebab(parameter.Name).Replace('_', '-');
        var snake = "--" + parameter.Name;
        string[] aliases = parameter.Name.Contains('_') && snake != name ? [snake] : [];
        var isFlag = parameter.Type == typeof(bool) && parameter.HasDefault && parameter.DefaultValue is false;
        Option named = isFlag ? new Option<bool>(name, aliases)
            : isList ? new Option<string[]>(name, aliases) { Arity = ArgumentArity.OneOrMore, Required = parameter.IsRequired }
            : new Option<string>(name, aliases) { Required = parameter.IsRequired };
        AddChoices(named, parameter);
        return new CliParameter(parameter, null, named, isFlag);
    }

    /// <summary>
    /// Gives options their short form once the command has all its options: the letter a <see cref="ShortOptionAttribute"/>
    /// sets, else the first letter when no other option of <paramref name="command"/> starts with it (hug's rule; <c>h</c>
    /// is help's). A letter set twice, or set on a positional argument, is a configuration error.
    /// </summary>
    public static void AddShortOptions(Command command, CliParameter[] parameters, string method)
    {
        var any = false;
        foreach (var parameter in parameters) any |= parameter.option is not null || parameter.Parameter.Attributes.Length > 0;
        if (any) ShortOptions.Add(command, parameters, method);
    }

    public void AddTo(Command command)
    {
        if (argument is not null) command.Arguments.Add(argument);
        else command.Options.Add(option!);
    }

    /// <summary>The text values given for this parameter, or none.</summary>
    public StringValues Read(ParseResult parseResult)
    {
        SymbolResult? result = argument is not null ? parseResult.GetResult(argument) : parseResult.GetResult(option!);
        if (result is null || (result is OptionResult { Implicit: true })) return StringValues.Empty;
        if (flag && result.Tokens.Count == 0) return "true";
        var values = new string[result.Tokens.Count];
        for (var i = 0; i < values.Length; i++) values[i] = result.Tokens[i].Value;
        return values;
    }

    /// <summary>Whether the parse left this required positional argument without a value.</summary>
    public bool IsMissingArgument(ParseResult parseResult) =>
        argument is not null && (parseResult.GetResult(argument) is not { } result || result.Tokens.Count == 0);

    /// <summary>Sets the help text: the <c>&lt;param&gt;</c> doc, the type's description and the default.</summary>
    public void Document()
    {
        var type = Binding.Rules.Describe(Parameter.Converter!.Description, Parameter.Validators);
        var text = Parameter.Doc is { } doc ? $"{doc.TrimEnd('.')}. {type}" : type;
        if (Parameter.HasDefault && Parameter.DefaultValue is not null and not false)
            text += $" [default: {PlainText.Plain(Parameter.DefaultValue, Parameter.Type)}]";
        Symbol.Description = text;
    }

    /// <summary>The work of <see cref="AddShortOptions"/>, apart: a command without options loads none of it.</summary>
    private static class ShortOptions
    {
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        public static void Add(Command command, CliParameter[] parameters, string method)
        {
            var taken = new Dictionary<char, string>(); // letter → the option that has it
            foreach (var parameter in parameters)
            {
                if (parameter.Parameter.Attributes.First<ShortOptionAttribute>()?.Letter is not { } letter || letter == '\0') continue;
                if (parameter.option is null)
                    throw new HugConfigurationException($"{method}: [ShortOption] on parameter '{parameter.Parameter.Name}', which is a positional argument (required), not an option.");
                if (letter is not (>= 'a' and <= 'z' or >= 'A' and <= 'Z') || letter == 'h')
                    throw new HugConfigurationException($"{method}: [ShortOption('{letter}')] on parameter '{parameter.Parameter.Name}': a short option is an ASCII letter other than 'h'.");
                if (taken.TryGetValue(letter, out var other))
                    throw new HugConfigurationException($"{method}: parameters '{other}' and '{parameter.Parameter.Name}' both have the short option -{letter}.");
                taken[letter] = parameter.Parameter.Name;
                parameter.option.Aliases.Add("-" + letter);
            }
            var firstLetters = new Dictionary<char, int>();
            foreach (var option in command.Options) if (First(option) is { } first) firstLetters[first] = firstLetters.GetValueOrDefault(first) + 1;
            foreach (var parameter in parameters)
            {
                if (parameter.option is not { } option || parameter.Parameter.Attributes.First<ShortOptionAttribute>() is { Letter: not null }) continue;
                if (First(option) is { } letter && letter != 'h' && firstLetters[letter] == 1 && taken.TryAdd(letter, parameter.Parameter.Name))
                    option.Aliases.Add("-" + letter);
            }
        }

        /// <summary>The first letter of a <c>--long</c> option's name, if it is an ASCII letter.</summary>
        private static char? First(Option option) =>
            option.Name is ['-', '-', var c, ..] && c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' ? c : null;
    }

    private static void AddChoices(Symbol symbol, ParameterDescriptor parameter)
    {
        var element = parameter.Converter is ICollectionConverter collection ? collection.Element : parameter.Converter;
        if (element is not IChoiceConverter { Choices: var names }) return;
        var choices = names.ToArray();
        switch (symbol)
        {
            case Argument a:
                a.HelpName = string.Join('|', choices);
                a.CompletionSources.Add(choices);
                break;
            case Option o:
                o.HelpName = string.Join('|', choices);
                o.CompletionSources.Add(choices);
                break;
        }
    }
}
