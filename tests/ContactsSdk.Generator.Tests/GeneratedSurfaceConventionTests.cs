using System;
using System.Linq;
using System.Reflection;
using ContactsSdk.Models;
using ContactsSdk.Generator.Model;
using ContactsSdk.Generator.Tests.Infrastructure;
using Xunit;

namespace ContactsSdk.Generator.Tests;

/// <summary>
/// Every annotation in spec/contacts.yaml has its generated API in the SDK as compiled, with the same
/// shape: checked by reflection over the SDK assembly against what the parser reads from the spec,
/// so a route added to the spec cannot end up with half an interpretation.
/// </summary>
public sealed class GeneratedSurfaceConventionTests
{
    private const string ModelsNamespace = "ContactsSdk.Models.";

    private static readonly Lazy<SpecModel> s_spec = new(() =>
        ContactsSdkGenerator.Parser.Parse(new SpecText(TestPaths.SpecPath, TestPaths.ReadSpec()), default).Model);

    public static TheoryData<string> StatusFields() => Names(s_spec.Value.StatusFields.Select(f => f.EnumName));

    public static TheoryData<string> Lifecycles() => Names(s_spec.Value.Lifecycles.Select(l => l.EnumName));

    [Fact]
    public void The_spec_has_annotations_to_check()
    {
        Assert.NotEmpty(s_spec.Value.StatusFields);
        Assert.NotEmpty(s_spec.Value.Lifecycles);
    }

    [Theory]
    [MemberData(nameof(StatusFields))]
    public void Every_status_field_has_its_enum_parsers_lookups_and_accessor(string enumName)
    {
        var field = s_spec.Value.StatusFields.Single(f => f.EnumName == enumName);
        var status = SdkType(field.EnumName);
        var extensions = SdkType(field.ExtensionsClassName);
        var wire = field.Kind == WireKind.String ? typeof(string) : typeof(long?);

        Assert.True(status.IsEnum);
        Assert.Equal(field.Members.Select(m => m.Name).OrderBy(n => n, StringComparer.Ordinal), Enum.GetNames(status).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal(status, Static(extensions, "FromWireValue", wire).ReturnType);
        Assert.Equal(typeof(bool), Static(extensions, "TryFromWireValue", wire, status.MakeByRefType()).ReturnType);
        Assert.Equal(typeof(bool), Static(extensions, "IsPhaseOver", status).ReturnType);
        Assert.Equal(typeof(StatusOutcome), Static(extensions, "GetOutcome", status).ReturnType);
        Assert.Equal(typeof(string), Static(extensions, "GetDescription", status).ReturnType);
        var accessor = Static(extensions, field.AccessorName, SdkType(field.OwnerClassName));
        Assert.True(accessor.IsDefined(typeof(System.Runtime.CompilerServices.ExtensionAttribute)), $"{field.AccessorName} must be an extension method.");
        Assert.Equal(status, accessor.ReturnType);
    }

    [Theory]
    [MemberData(nameof(Lifecycles))]
    public void Every_lifecycle_has_its_enums_result_and_accessor(string enumName)
    {
        var lifecycle = s_spec.Value.Lifecycles.Single(l => l.EnumName == enumName);
        var state = SdkType(lifecycle.EnumName);
        var phase = SdkType(lifecycle.PhaseEnumName);
        var result = SdkType(lifecycle.ResultName);

        Assert.Equal(lifecycle.States.Select(s => s.Name), Enum.GetNames(state));
        Assert.Equal(lifecycle.Phases.Select(p => p.Name), Enum.GetNames(phase));
        Assert.True(result.IsValueType);
        Assert.Equal(phase, result.GetProperty("Phase")!.PropertyType);
        Assert.Equal(state, result.GetProperty("State")!.PropertyType);
        var accessor = Static(SdkType(lifecycle.ExtensionsClassName), lifecycle.AccessorName, SdkType(lifecycle.OwnerClassName));
        Assert.True(accessor.IsDefined(typeof(System.Runtime.CompilerServices.ExtensionAttribute)), $"{lifecycle.AccessorName} must be an extension method.");
        Assert.Equal(result, accessor.ReturnType);
    }

    private static Type SdkType(string name) =>
        typeof(DeleteStatusResponse).Assembly.GetType(ModelsNamespace + name) ?? throw new Xunit.Sdk.XunitException($"The SDK has no type {name}.");

    private static MethodInfo Static(Type type, string name, params Type[] parameters) =>
        type.GetMethod(name, BindingFlags.Public | BindingFlags.Static, parameters)
        ?? throw new Xunit.Sdk.XunitException($"{type.Name} has no public static {name}({string.Join(", ", parameters.Select(p => p.Name))}).");

    private static TheoryData<string> Names(System.Collections.Generic.IEnumerable<string> names)
    {
        var data = new TheoryData<string>();
        foreach (var name in names)
        {
            data.Add(name);
        }

        return data;
    }
}
