using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ContactsSdk.Http;

/// <summary>
/// The transport of the long-lived HttpClients the DI registration gives its singleton client: each
/// request goes through the handler chain <see cref="IHttpMessageHandlerFactory"/> currently holds
/// for <c>name</c>, so the factory's handler rotation (DNS changes, connection lifetime) and its
/// configured handlers apply although the HttpClient itself is never recreated.
/// </summary>
internal sealed class HttpClientFactoryHandler : HttpMessageHandler
{
    private readonly IHttpMessageHandlerFactory _factory;
    private readonly string _name;

    public HttpClientFactoryHandler(IHttpMessageHandlerFactory factory, string name)
    {
        _factory = factory;
        _name = name;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The factory owns the handler and disposes it when it expires: the invoker must not.
        var invoker = new HttpMessageInvoker(_factory.CreateHandler(_name), disposeHandler: false);
        return invoker.SendAsync(request, cancellationToken);
    }
}
