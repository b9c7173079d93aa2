using System;
using System.CodeDom.Compiler;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace ContactsSdk.Tests.Conventions;

/// <summary>Rules every public asynchronous method of the hand-written layer follows, checked by reflection.</summary>
public sealed class AsyncConventionTests
{
    public static TheoryData<string> PublicAsyncMethods()
    {
        var data = new TheoryData<string>();
        foreach (var method in HandWrittenAsyncMethods())
        {
            data.Add(method.DeclaringType!.Name + "." + method.Name);
        }

        return data;
    }

    [Fact]
    public void The_hand_written_layer_has_asynchronous_methods_to_check()
    {
        Assert.Contains(HandWrittenAsyncMethods(), m => m.Name == nameof(ContactsClient.WaitForDeletionAsync));
    }

    [Theory]
    [MemberData(nameof(PublicAsyncMethods))]
    public void Each_is_named_Async_and_takes_an_optional_cancellation_token_last(string name)
    {
        foreach (var method in HandWrittenAsyncMethods().Where(m => m.DeclaringType!.Name + "." + m.Name == name))
        {
            Assert.EndsWith("Async", method.Name, StringComparison.Ordinal);
            var last = method.GetParameters().LastOrDefault();
            Assert.True(last is not null && last.ParameterType == typeof(CancellationToken), $"{name} must take a CancellationToken as its last parameter.");
            Assert.True(last!.HasDefaultValue, $"{name}: the CancellationToken should be optional.");
        }
    }

    private static MethodInfo[] HandWrittenAsyncMethods() =>
        typeof(ContactsClient).Assembly.GetExportedTypes()
            // Kiota's builders and the status generator's types carry [GeneratedCode] and follow the spec, not these rules.
            .Where(t => !t.IsDefined(typeof(GeneratedCodeAttribute), inherit: false))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => typeof(Task).IsAssignableFrom(m.ReturnType) || m.ReturnType == typeof(ValueTask)
                || (m.ReturnType.IsGenericType && m.ReturnType.GetGenericTypeDefinition() == typeof(ValueTask<>)))
            // IAsyncDisposable.DisposeAsync has its shape from the framework: no token.
            .Where(m => !(m.Name == nameof(IAsyncDisposable.DisposeAsync) && m.GetParameters().Length == 0 && typeof(IAsyncDisposable).IsAssignableFrom(m.DeclaringType)))
            .ToArray();
}
