using System;
using System.CodeDom.Compiler;
using System.Linq;
using Xunit;

namespace ContactsSdk.Tests.Conventions;

/// <summary>
/// Every exception type the hand-written layer declares derives from <see cref="ContactsSdkException"/>,
/// so one catch covers every failure. (The generated <c>GatewayError</c> is Kiota's <c>ApiException</c>
/// and follows the spec; the SDK never throws it, only carries it inside <see cref="ContactsRequestException"/>.)
/// </summary>
public sealed class ExceptionConventionTests
{
    [Fact]
    public void Every_public_exception_of_the_hand_written_layer_derives_from_the_one_base()
    {
        var exceptions = typeof(ContactsClient).Assembly.GetExportedTypes()
            .Where(t => typeof(Exception).IsAssignableFrom(t) && !t.IsDefined(typeof(GeneratedCodeAttribute), inherit: false))
            .ToArray();

        Assert.Contains(typeof(ContactsSdk.DeletionWaitTimeoutException), exceptions);
        Assert.All(exceptions, t => Assert.True(typeof(ContactsSdkException).IsAssignableFrom(t), $"{t.FullName} does not derive from ContactsSdkException."));
        Assert.True(typeof(ContactsSdkException).IsAbstract);
    }
}
