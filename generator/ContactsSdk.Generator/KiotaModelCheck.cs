using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ContactsSdk.Generator.Model;
using Microsoft.CodeAnalysis;

namespace ContactsSdk.Generator;

/// <summary>
/// Confirms, in the compilation the generated code joins, that the Kiota classes and properties the
/// parser predicted (<c>Parsing/KiotaNames.cs</c>) exist, following every property path the way the
/// generated code reads it. A name Kiota gives differently (an upgrade that renames, a schema rename)
/// becomes a located diagnostic on the annotation instead of a compile error inside a generated file.
/// Its answer is plain data, so an edit that leaves the names alone leaves the answer equal and
/// nothing downstream runs again.
/// </summary>
internal static class KiotaModelCheck
{
    /// <summary>Every name the model needs that the compilation does not have.</summary>
    public static EquatableArray<MissingKiotaName> Check(GenerationModel model, Compilation compilation, CancellationToken cancellationToken)
    {
        var missing = new List<MissingKiotaName>();
        if (model.Namespace is not { } ns)
        {
            return EquatableArray<MissingKiotaName>.Empty;
        }

        var lookup = new ModelLookup(compilation, ns);
        foreach (var spec in model.Specs)
        {
            foreach (var field in spec.StatusFields)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (lookup.FindPath(field.OwnerClassName, new[] { field.PropertyName }) is { } problem)
                {
                    missing.Add(new MissingKiotaName(field.EnumName, problem));
                }
            }

            foreach (var lifecycle in spec.Lifecycles)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (CheckLifecycle(lookup, lifecycle) is { } problem)
                {
                    missing.Add(new MissingKiotaName(lifecycle.EnumName, problem));
                }
            }
        }

        return missing.ToEquatableArray();
    }

    /// <summary>The model without the annotations whose names are missing (and the lifecycles that read them).</summary>
    public static GenerationModel Without(GenerationModel model, EquatableArray<MissingKiotaName> missing)
    {
        if (missing.IsEmpty)
        {
            return model;
        }

        var broken = new HashSet<string>(missing.Select(m => m.EnumName), System.StringComparer.Ordinal);
        var specs = model.Specs.Select(spec =>
        {
            var fields = spec.StatusFields.Where(f => !broken.Contains(f.EnumName)).ToList();
            var lifecycles = spec.Lifecycles
                .Where(l => !broken.Contains(l.EnumName) && l.Phases.All(p => fields.Any(f => f.EnumName == p.StatusField)))
                .ToEquatableArray();
            return new SpecModel(fields.ToEquatableArray(), lifecycles);
        });
        return model with { Specs = specs.ToEquatableArray() };
    }

    private static string? CheckLifecycle(ModelLookup lookup, LifecycleModel lifecycle)
    {
        foreach (var phase in lifecycle.Phases)
        {
            var problem = lookup.FindPath(lifecycle.OwnerClassName, new[] { phase.ConditionProperty })
                ?? lookup.FindPath(lifecycle.OwnerClassName, phase.PathBeforeArray);
            if (problem is null && phase.CrossesArray)
            {
                problem = lookup.CheckElementClass(lifecycle.OwnerClassName, phase.PathBeforeArray, phase.ArrayElementClassName)
                    ?? lookup.FindPath(phase.ArrayElementClassName, phase.PathAfterArray);
            }

            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    /// <summary>Looks classes and properties up in the compilation (sources and references alike).</summary>
    private sealed class ModelLookup
    {
        private readonly Compilation _compilation;
        private readonly string _namespace;

        public ModelLookup(Compilation compilation, string ns)
        {
            _compilation = compilation;
            _namespace = ns;
        }

        /// <summary>Follows a property chain from a class; null when every step exists, else what is missing.</summary>
        public string? FindPath(string className, IEnumerable<string> properties)
        {
            if (_compilation.GetTypeByMetadataName(_namespace + "." + className) is not { } type)
            {
                return "class " + _namespace + "." + className;
            }

            foreach (var name in properties)
            {
                if (FindProperty(type, name) is not { } property)
                {
                    return "property " + name + " of " + type.Name;
                }

                type = Unwrap(property.Type) as INamedTypeSymbol;
                if (type is null)
                {
                    return null;
                }
            }

            return null;
        }

        /// <summary>The property that the path crosses must be a list of the element class the parser predicted.</summary>
        public string? CheckElementClass(string className, IEnumerable<string> pathToArray, string elementClassName)
        {
            ITypeSymbol? type = _compilation.GetTypeByMetadataName(_namespace + "." + className);
            IPropertySymbol? property = null;
            foreach (var name in pathToArray)
            {
                property = type is INamedTypeSymbol named ? FindProperty(named, name) : null;
                type = property?.Type;
            }

            var element = (type as INamedTypeSymbol)?.TypeArguments.FirstOrDefault();
            return element is not null && element.Name == elementClassName && element.ContainingNamespace.ToDisplayString() == _namespace
                ? null
                : "list of " + _namespace + "." + elementClassName + " in " + (property?.Name ?? className);
        }

        private static IPropertySymbol? FindProperty(INamedTypeSymbol type, string name)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (current.GetMembers(name).OfType<IPropertySymbol>().FirstOrDefault() is { } property)
                {
                    return property;
                }
            }

            return null;
        }

        // int? is Nullable<int>: the path continues through the underlying type.
        private static ITypeSymbol Unwrap(ITypeSymbol type) =>
            type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;
    }
}
