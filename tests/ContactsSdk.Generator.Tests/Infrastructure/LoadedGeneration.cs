using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ContactsSdk.Generator.Tests.Infrastructure;

/// <summary>
/// The compilation a generator run produced, emitted in memory and loaded, so that tests call the
/// generated API as an application would (through reflection, since the types exist only at run time).
/// </summary>
internal sealed class LoadedGeneration
{
    private const string ModelsNamespace = GeneratorHarness.Namespace + ".Models";

    private readonly Assembly _assembly;

    private LoadedGeneration(Assembly assembly) => _assembly = assembly;

    /// <summary>Emits and loads the run's output; fails the test when it does not compile.</summary>
    public static LoadedGeneration Load(GeneratorRun run)
    {
        using var stream = new MemoryStream();
        var emitted = run.Output.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return new LoadedGeneration(Assembly.Load(stream.ToArray()));
    }

    /// <summary>A type of the models' namespace, generated or stand-in.</summary>
    public Type Type(string name) => _assembly.GetType(ModelsNamespace + "." + name, throwOnError: true)!;

    public object New(string name) => Activator.CreateInstance(Type(name))!;

    /// <summary>A new, empty <c>List&lt;T&gt;</c> of a model type, as Kiota types its arrays.</summary>
    public IList NewList(string elementType) =>
        (IList)Activator.CreateInstance(typeof(System.Collections.Generic.List<>).MakeGenericType(Type(elementType)))!;

    public static void Set(object target, string property, object? value) =>
        target.GetType().GetProperty(property)!.SetValue(target, value);

    public static object? Get(object target, string property) =>
        target.GetType().GetProperty(property)!.GetValue(target);

    /// <summary>Calls the public static method of that name and arity.</summary>
    public object? Call(string type, string method, params object?[] arguments) =>
        Type(type).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Single(m => m.Name == method && m.GetParameters().Length == arguments.Length)
            .Invoke(null, arguments);
}
