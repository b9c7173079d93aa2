using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using ContactsSdk.Testing;
using Xunit;

namespace ContactsSdk.Erasure.Tests.Conventions;

/// <summary>
/// No value a later release may change is compiled into its callers. A public constant and an optional
/// parameter's default are copied into the calling assembly when it is compiled, so a new default or
/// limit would reach only code built again. Defaults and limits are therefore static read-only fields,
/// and optional parameters default to null (or the type's default), the method choosing the value.
/// Constants stay for what never changes: wire names, header names, schema identifiers.
/// </summary>
public sealed class BakedValueConventionTests
{
    private static readonly string[] TunablePrefixes = ["Default", "Max", "Min"];

    private static IEnumerable<Type> ExportedTypes() =>
        new[] { typeof(ContactsClient), typeof(ErasureOptions), typeof(MarketingCloudEmulator) }
            .Select(t => t.Assembly)
            .SelectMany(a => a.GetExportedTypes());

    [Fact]
    public void No_default_or_limit_is_a_public_constant()
    {
        var constants = ExportedTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(f => f.IsLiteral)
            .ToList();

        // Constants exist (the check looks at something): wire names stay constants.
        Assert.Contains(constants, f => f.Name == nameof(ContactsRateLimitException.RateLimitedErrorCode));
        AssertNone(constants
            .Where(f => TunablePrefixes.Any(p => f.Name.StartsWith(p, StringComparison.Ordinal)))
            .Select(f => $"{f.DeclaringType!.FullName}.{f.Name}"));
    }

    [Fact]
    public void No_optional_parameter_of_a_public_method_has_a_default_other_than_null_or_the_types_default()
    {
        var optional = ExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Cast<MethodBase>()
                .Concat(t.GetConstructors()))
            .SelectMany(m => m.GetParameters().Where(p => p.IsOptional).Select(p => (Method: m, Parameter: p)))
            .ToList();

        Assert.Contains(optional, o => o.Parameter.Name == "cancellationToken");
        AssertNone(optional
            .Where(o => !IsNullOrTypeDefault(o.Parameter))
            .Select(o => $"{o.Method.DeclaringType!.FullName}.{o.Method.Name}({o.Parameter.Name} = {o.Parameter.DefaultValue})"));
    }

    private static void AssertNone(IEnumerable<string> offenders)
    {
        var list = offenders.ToList();
        Assert.True(list.Count == 0, "Compiled into callers:\n" + string.Join("\n", list));
    }

    private static bool IsNullOrTypeDefault(ParameterInfo parameter)
    {
        var value = parameter.DefaultValue;
        if (value is null || value is DBNull || value is Missing)
        {
            return true;
        }
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        return type.IsValueType && value.Equals(Activator.CreateInstance(type));
    }
}
