using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace ContactsSdk.Sample.Cli;

/// <summary>The sample's arguments, each with the message a bad value gets.</summary>
internal static class SampleArguments
{
    public static Argument<long> OperationId() => new("operationID")
    {
        Description = "The operationID a delete request returned.",
        CustomParser = ParseOperationId,
    };

    public static Argument<string[]> ContactKeys() => new("key")
    {
        Description = "Contact keys (subscriber keys) of the contacts to delete.",
        Arity = ArgumentArity.OneOrMore,
        Validators = { RefuseBlankKeys },
    };

    private static long ParseOperationId(ArgumentResult result)
    {
        var text = result.Tokens[0].Value;
        // NumberStyles.None: no sign, no spaces, no separators; an ID is a plain positive integer.
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            return id;
        }

        result.AddError($"The operation ID must be a positive whole number; '{text}' is not.");
        return 0;
    }

    private static void RefuseBlankKeys(ArgumentResult result)
    {
        foreach (var token in result.Tokens)
        {
            if (string.IsNullOrWhiteSpace(token.Value))
            {
                result.AddError("A contact key must not be empty.");
                return;
            }
        }
    }
}
