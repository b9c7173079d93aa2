using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Abstractions.Store;

namespace ContactsSdk.Http;

/// <summary>
/// The request adapter of the generated client: Kiota's, with every failure of a call mapped by
/// <see cref="ContactsErrorMapper"/>. Every route goes through it, the client's own calls and those
/// made through <see cref="ContactsClient.Api"/> alike, so no caller ever meets Kiota's <c>ApiException</c>.
/// </summary>
internal sealed class ErrorMappingRequestAdapter(IRequestAdapter inner, TimeProvider time) : IRequestAdapter
{
    public ISerializationWriterFactory SerializationWriterFactory => inner.SerializationWriterFactory;

    public string? BaseUrl
    {
        get => inner.BaseUrl;
        set => inner.BaseUrl = value;
    }

    public void EnableBackingStore(IBackingStoreFactory backingStoreFactory) => inner.EnableBackingStore(backingStoreFactory);

    public Task<T?> ConvertToNativeRequestAsync<T>(RequestInformation requestInfo, CancellationToken cancellationToken = default) =>
        inner.ConvertToNativeRequestAsync<T>(requestInfo, cancellationToken);

    public async Task<ModelType?> SendAsync<ModelType>(RequestInformation requestInfo, ParsableFactory<ModelType> factory, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default)
        where ModelType : IParsable
    {
        try
        {
            return await inner.SendAsync(requestInfo, factory, errorMapping, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ContactsErrorMapper.Maps(ex, cancellationToken))
        {
            throw Mapped(ex, cancellationToken);
        }
    }

    public async Task<IEnumerable<ModelType>?> SendCollectionAsync<ModelType>(RequestInformation requestInfo, ParsableFactory<ModelType> factory, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default)
        where ModelType : IParsable
    {
        try
        {
            return await inner.SendCollectionAsync(requestInfo, factory, errorMapping, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ContactsErrorMapper.Maps(ex, cancellationToken))
        {
            throw Mapped(ex, cancellationToken);
        }
    }

    public async Task<ModelType?> SendPrimitiveAsync<ModelType>(RequestInformation requestInfo, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.SendPrimitiveAsync<ModelType>(requestInfo, errorMapping, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ContactsErrorMapper.Maps(ex, cancellationToken))
        {
            throw Mapped(ex, cancellationToken);
        }
    }

    public async Task<IEnumerable<ModelType>?> SendPrimitiveCollectionAsync<ModelType>(RequestInformation requestInfo, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.SendPrimitiveCollectionAsync<ModelType>(requestInfo, errorMapping, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ContactsErrorMapper.Maps(ex, cancellationToken))
        {
            throw Mapped(ex, cancellationToken);
        }
    }

    public async Task SendNoContentAsync(RequestInformation requestInfo, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default)
    {
        try
        {
            await inner.SendNoContentAsync(requestInfo, errorMapping, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ContactsErrorMapper.Maps(ex, cancellationToken))
        {
            throw Mapped(ex, cancellationToken);
        }
    }

    private ContactsRequestException Mapped(Exception exception, CancellationToken cancellationToken) =>
        ContactsErrorMapper.Map(exception, time.GetUtcNow(), cancellationToken);
}
