using ContactsSdk.Erasure.Storage;
using Microsoft.Extensions.Options;

namespace ContactsSdk.Erasure.DependencyInjection;

/// <summary>
/// Checks <see cref="ErasureOptions"/> when the host starts, one message per setting that cannot work,
/// and that the store is still the one Quartz's job store was wired to at registration.
/// </summary>
internal sealed class ErasureOptionsValidator : IValidateOptions<ErasureOptions>
{
    private readonly LedgerStoreChoice? _registeredStore;

    /// <param name="registeredStore">The store read when the workflow was registered (null when none could be).</param>
    public ErasureOptionsValidator(LedgerStoreChoice? registeredStore) => _registeredStore = registeredStore;

    public ValidateOptionsResult Validate(string? name, ErasureOptions options)
    {
        // The workflow uses the default options instance only.
        if (name != Options.DefaultName)
        {
            return ValidateOptionsResult.Skip;
        }
        var problems = options.Problems();
        if (problems.Count == 0 && LedgerStoreChoice.From(options) != _registeredStore)
        {
            problems.Add("The erasure ledger store (Sqlite or PostgreSQL) was changed after AddContactsErasure: Quartz's job store follows the store chosen there, so choose it in AddContactsErasure's configuration or delegate only.");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
