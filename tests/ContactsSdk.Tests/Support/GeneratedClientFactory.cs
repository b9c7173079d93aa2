using System;
using System.Net.Http;
using ContactsSdk;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace ContactsSdk.Tests.Support;

/// <summary>Builds the generated Kiota client on a real HttpClient and the real request adapter.</summary>
internal static class GeneratedClientFactory
{
    public static ContactsApiClient Create(Uri baseAddress, HttpClient httpClient)
    {
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: httpClient)
        {
            BaseUrl = baseAddress.ToString().TrimEnd('/'),
        };
        return new ContactsApiClient(adapter);
    }
}
