using System;
using System.Collections.Generic;
using System.Linq;
using ContactsSdk.Generator.Model;
using ContactsSdk.Generator.Parsing;
using SharpYaml.Serialization;

namespace ContactsSdk.Generator;

public sealed partial class ContactsSdkGenerator
{
    /// <summary>The checks across annotations: generated type and accessor names must not clash.</summary>
    internal sealed partial class Parser
    {
        private SpecModel CheckGlobalNames(List<ResolvedField> fields, List<(LifecycleModel Model, YamlNode EnumNode)> lifecycles, SchemaIndex index)
        {
            // Generated types share the namespace with the Kiota models.
            var typeNames = new HashSet<string>(index.ModelSchemaNames.Select(KiotaNames.ClassName), StringComparer.Ordinal) { "StatusOutcome", "StatusOutcomeExtensions" };
            var accessors = new HashSet<(string Owner, string Accessor)>();
            var keptFields = new List<StatusFieldModel>();
            foreach (var field in fields)
            {
                var model = field.Model;
                if (!typeNames.Add(model.EnumName) || !typeNames.Add(model.ExtensionsClassName))
                {
                    _diagnostics.Report(DiagnosticDescriptors.DuplicateName, field.EnumNode, model.EnumName, "the types of the models' namespace (Kiota models and generated types)");
                    continue;
                }

                if (!accessors.Add((model.OwnerClassName, model.AccessorName)))
                {
                    _diagnostics.Report(DiagnosticDescriptors.DuplicateName, field.AccessorNode, model.AccessorName, "the extension methods of " + model.OwnerClassName);
                    continue;
                }

                keptFields.Add(model);
            }

            var keptLifecycles = new List<LifecycleModel>();
            foreach (var lifecycle in lifecycles)
            {
                var model = lifecycle.Model;
                var names = new[] { model.EnumName, model.ExtensionsClassName, model.PhaseEnumName, model.ResultName };
                var clash = names.FirstOrDefault(n => typeNames.Contains(n)) ?? (names.Distinct().Count() != names.Length ? model.EnumName : null);
                if (clash is not null || !accessors.Add((model.OwnerClassName, model.AccessorName)))
                {
                    _diagnostics.Report(DiagnosticDescriptors.DuplicateName, lifecycle.EnumNode, clash ?? model.AccessorName, "the generated types and accessors of the models' namespace");
                    continue;
                }

                foreach (var name in names)
                {
                    typeNames.Add(name);
                }

                // A phase whose status field was dropped cannot be generated.
                if (model.Phases.All(ph => keptFields.Any(f => f.EnumName == ph.StatusField)))
                {
                    keptLifecycles.Add(model);
                }
            }

            return new SpecModel(keptFields.ToEquatableArray(), keptLifecycles.ToEquatableArray());
        }
    }
}
