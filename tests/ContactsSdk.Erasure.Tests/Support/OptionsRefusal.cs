using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace ContactsSdk.Erasure.Tests.Support;

/// <summary>The message with which the erasure options are refused, without a host: their first resolution checks them.</summary>
internal static class OptionsRefusal
{
    /// <summary>Registers as <paramref name="register"/> says, resolves the options, and returns the refusal's message.</summary>
    public static string Of(Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        register(services);
        using var provider = services.BuildServiceProvider();
        return Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ErasureOptions>>().Value).Message;
    }

    /// <summary>The refusal of the options <paramref name="configure"/> sets through <c>AddContactsErasure</c>.</summary>
    public static string Of(Action<ErasureOptions> configure) => Of(services => services.AddContactsErasure(configure));
}
