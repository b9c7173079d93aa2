using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using ContactsSdk.Models;
using ContactsSdk.Generator.Tests.Infrastructure;
using Xunit;

namespace ContactsSdk.Generator.Tests;

/// <summary>
/// <c>FromWireValue</c> is generated as a fast path of its own (a switch on the length, then exact
/// comparisons, then a case-insensitive helper): for every status field of the spec, as compiled into the SDK, it must give
/// exactly what <c>TryFromWireValue</c> gives, whatever the input. (The fixture's integer field is
/// checked the same way in <see cref="FixtureBehaviourTests"/>.)
/// </summary>
public sealed class WireValueAgreementTests
{
    public static IEnumerable<object[]> StatusFields()
    {
        var parsed = ContactsSdkGenerator.Parser.Parse(new Model.SpecText(TestPaths.SpecPath, TestPaths.ReadSpec()), default);
        return parsed.Model.StatusFields.Select(field => new object[] { field.ExtensionsClassName });
    }

    [Theory]
    [MemberData(nameof(StatusFields))]
    public void FromWireValue_agrees_with_TryFromWireValue(string extensionsClass)
    {
        var extensions = typeof(DeleteStatusResponse).Assembly.GetType("ContactsSdk.Models." + extensionsClass)!;
        var from = extensions.GetMethod("FromWireValue", BindingFlags.Public | BindingFlags.Static)!;
        var tryFrom = extensions.GetMethod("TryFromWireValue", BindingFlags.Public | BindingFlags.Static)!;
        var wire = extensions.GetMethod("GetWireValue", BindingFlags.Public | BindingFlags.Static)!;
        var enumType = from.ReturnType;
        var listed = Enum.GetValues(enumType).Cast<object>().Select(member => wire.Invoke(null, new[] { member })!).ToList();

        var inputs = from.GetParameters()[0].ParameterType == typeof(string)
            ? StringInputs(listed.Cast<string>())
            : IntegerInputs(listed.Cast<long>());
        Assert.NotEmpty(inputs);
        foreach (var input in inputs)
        {
            var arguments = new[] { input, null };
            tryFrom.Invoke(null, arguments);
            Assert.True(Equals(arguments[1], from.Invoke(null, new[] { input })), $"{extensionsClass}: '{input}' reads differently.");
        }
    }

    private static List<object?> StringInputs(IEnumerable<string> listed)
    {
        var inputs = new List<object?> { null, "", " ", "Queued", "unknown value", "\u0130nvalid", "Completed\u0000" };
        foreach (var value in listed)
        {
            inputs.Add(new string(value.AsSpan()));
            inputs.Add(value.ToUpperInvariant());
            inputs.Add(value.ToLowerInvariant());
            inputs.Add(" " + value);
            inputs.Add(value + " ");
            inputs.Add(value.Length > 1 ? value.Substring(1) : "x");
            inputs.Add(value.Length > 1 ? "x" + value.Substring(1) : "y");
            inputs.Add(new string(value.Reverse().ToArray()));
        }
        return inputs;
    }

    private static List<object?> IntegerInputs(IEnumerable<long> listed)
    {
        var inputs = new List<object?> { null, 0L, -1L, long.MaxValue, long.MinValue };
        foreach (var value in listed)
        {
            inputs.Add(value);
            inputs.Add(unchecked(value + 1));
            inputs.Add(unchecked(value - 1));
            inputs.Add(-value);
        }
        return inputs.Select(i => i is long l ? (object)(long?)l : null).ToList();
    }
}
