using System;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Kiota.Abstractions.Serialization;

namespace ContactsSdk.Serialization;

/// <summary>
/// The parse node factory of the SDK's request adapter for <c>application/json</c>: parses the body
/// like Kiota's <c>JsonParseNodeFactory</c> and hands it to <see cref="ContactsJsonParseNode"/>.
/// </summary>
internal sealed class ContactsJsonParseNodeFactory : IParseNodeFactory
{
    public const string Json = "application/json";

    /// <inheritdoc />
    public string ValidContentType => Json;

    /// <summary>A registry that sends JSON (also vendor types such as <c>application/vnd.x+json</c>) here, like Kiota's default one.</summary>
    public static ParseNodeFactoryRegistry CreateRegistry()
    {
        var registry = new ParseNodeFactoryRegistry();
        registry.ContentTypeAssociatedFactories[Json] = new ContactsJsonParseNodeFactory();
        return registry;
    }

    /// <inheritdoc />
    public async Task<IParseNode> GetRootParseNodeAsync(string contentType, Stream content, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            throw new ArgumentNullException(nameof(contentType));
        }
        if (!Json.Equals(contentType, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentOutOfRangeException(nameof(contentType), contentType, $"Expected the {Json} content type.");
        }
        ArgumentNullException.ThrowIfNull(content);

        using var document = await JsonDocument.ParseAsync(content, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new ContactsJsonParseNode(document.RootElement.Clone());
    }
}
