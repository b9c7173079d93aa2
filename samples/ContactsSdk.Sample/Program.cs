using System;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk;
using ContactsSdk.Authentication;
using ContactsSdk.Deletion;
using ContactsSdk.Errors;
using ContactsSdk.Generated.Models;
using ContactsSdk.Sample;
using Microsoft.Extensions.Options;

SampleArguments arguments;
try
{
    arguments = SampleArguments.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}
if (arguments.Command == SampleCommand.Help)
{
    Console.WriteLine(SampleArguments.Usage);
    return 0;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

await using var target = await SampleTarget.CreateAsync();
Console.WriteLine($"ContactsSdk sample, talking to the {target.Description}.");

try
{
    using var client = new ContactsClient(target.Options, target.Time);
    return arguments.Command switch
    {
        SampleCommand.Status => await SampleCommands.ShowStatusAsync(client, arguments.OperationId, cancellation.Token),
        SampleCommand.Delete => await SampleCommands.DeleteAndWaitAsync(client, arguments.ContactKeys, cancellation.Token),
        _ when target.IsEmulator => await SampleCommands.DemoAsync(client, cancellation.Token),
        _ => SampleCommands.RefuseDemoOnRealTenant(),
    };
}
catch (OptionsValidationException ex)
{
    Console.Error.WriteLine("The Marketing Cloud settings are not usable:");
    foreach (var failure in ex.Failures)
    {
        Console.Error.WriteLine("  - " + failure);
    }
    return 2;
}
catch (Exception ex) when (ex is ContactsServiceException or ContactsAuthenticationException or DeletionOutcomeUnknownException or DeletionWaitTimeoutException)
{
    // These messages are written for people and never hold the secret or a token.
    Console.Error.WriteLine(ex.Message);
    return 1;
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    Console.Error.WriteLine("Cancelled.");
    return 130;
}
