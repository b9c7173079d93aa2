using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Linq;

namespace ContactsSdk.Sample.Cli;

/// <summary>The generated help, followed by notes the generated part has no place for.</summary>
internal sealed class HelpWithNotes(HelpAction generated, string notes) : SynchronousCommandLineAction
{
    /// <summary>Appends <paramref name="notes"/> to the help of <paramref name="command"/> and its subcommands.</summary>
    public static void Attach(Command command, string notes)
    {
        var help = command.Options.OfType<HelpOption>().Single();
        if (help.Action is HelpAction generated)
        {
            help.Action = new HelpWithNotes(generated, notes);
        }
    }

    /// <summary>Like the generated help: asking for help about a command is not an error in its arguments.</summary>
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        var code = generated.Invoke(parseResult);
        parseResult.InvocationConfiguration.Output.WriteLine(notes);
        return code;
    }
}
