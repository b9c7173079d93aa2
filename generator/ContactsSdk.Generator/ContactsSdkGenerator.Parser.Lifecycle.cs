using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ContactsSdk.Generator.Model;
using ContactsSdk.Generator.Parsing;
using Microsoft.OpenApi.Models;
using SharpYaml.Serialization;

namespace ContactsSdk.Generator;

public sealed partial class ContactsSdkGenerator
{
    /// <summary>Reading an x-contacts-lifecycle annotation (states, phases, status paths) and the checks across annotations.</summary>
    internal sealed partial class Parser
    {
        private (LifecycleModel Model, YamlNode EnumNode)? ReadLifecycle(
            Occurrence occurrence,
            SchemaIndex index,
            List<ResolvedField> fields,
            HashSet<(string Schema, string Property)> brokenFields)
        {
            var p = occurrence.Path;
            var pointer = Pointer(p);
            if (!(p.Count == 3 && p[0] == "components" && p[1] == "schemas"))
            {
                Report(DiagnosticDescriptors.NotGenerated, occurrence.KeyNode, LifecycleKey, pointer,
                    "it belongs on a component schema (components/schemas/<Schema>)");
                return null;
            }

            var schemaName = p[2];
            var what = LifecycleKey + " of " + schemaName;
            if (!index.TryGetModelSchema(schemaName, out var schema, out var whyNot))
            {
                Report(DiagnosticDescriptors.NotGenerated, occurrence.KeyNode, LifecycleKey, pointer, whyNot);
                return null;
            }

            var errorsBefore = _errorCount;
            var map = ReadMapping(occurrence.Value, what, s_lifecycleKeys, occurrence.KeyNode);
            if (map is null)
            {
                return null;
            }

            var ok = true;
            var enumName = RequiredIdentifier(map, "enum", what, occurrence.KeyNode, ref ok);
            var phaseEnum = OptionalIdentifier(map, "phaseEnum", what, ref ok) ?? (enumName is null ? null : enumName + "Phase");
            var result = OptionalIdentifier(map, "result", what, ref ok) ?? (enumName is null ? null : enumName + "Info");
            var accessor = OptionalIdentifier(map, "accessor", what, ref ok) ?? (enumName is null ? null : "Get" + enumName);
            var description = OptionalString(map, "description", what, ref ok);

            // states
            var states = new List<LifecycleStateModel>();
            if (RequiredList(map, "states", what, occurrence.KeyNode) is not { } statesNode)
            {
                ok = false;
            }
            else
            {
                for (var i = 0; i < statesNode.Children.Count; i++)
                {
                    var itemWhat = "states[" + i.ToString(CultureInfo.InvariantCulture) + "] of " + what;
                    var item = ReadMapping(statesNode.Children[i], itemWhat, s_stateKeys, statesNode.Children[i]);
                    if (item is null)
                    {
                        ok = false;
                        continue;
                    }

                    var name = RequiredIdentifier(item, "name", itemWhat, statesNode.Children[i], ref ok);
                    var stateDescription = OptionalString(item, "description", itemWhat, ref ok);
                    var terminal = OptionalBool(item, "terminal", itemWhat, ref ok) ?? false;
                    var outcome = OptionalOutcome(item, itemWhat, ref ok);
                    if (name is null)
                    {
                        continue;
                    }

                    if (states.Any(s => s.Name == name))
                    {
                        Report(DiagnosticDescriptors.DuplicateName, item["name"].Value, name, "the states of " + what);
                        ok = false;
                        continue;
                    }

                    states.Add(new LifecycleStateModel(name, states.Count, stateDescription, terminal, outcome));
                }
            }

            // phases
            var phases = new List<PhaseModel>();
            if (RequiredList(map, "phases", what, occurrence.KeyNode) is not { } phasesNode)
            {
                ok = false;
            }
            else
            {
                for (var i = 0; i < phasesNode.Children.Count; i++)
                {
                    var phase = ReadPhase(phasesNode.Children[i], i, what, schemaName, schema, index, fields, brokenFields, states, phases, ref ok);
                    if (phase is not null)
                    {
                        phases.Add(phase);
                    }
                }
            }

            if (!ok || _errorCount != errorsBefore || enumName is null || phaseEnum is null || result is null || accessor is null)
            {
                return null;
            }

            var model = new LifecycleModel(
                enumName,
                phaseEnum,
                result,
                accessor,
                KiotaNames.ClassName(schemaName),
                description,
                states.ToEquatableArray(),
                phases.ToEquatableArray());
            return (model, map["enum"].Value);
        }

        private PhaseModel? ReadPhase(
            YamlNode node,
            int position,
            string lifecycleWhat,
            string schemaName,
            OpenApiSchema schema,
            SchemaIndex index,
            List<ResolvedField> fields,
            HashSet<(string Schema, string Property)> brokenFields,
            List<LifecycleStateModel> states,
            List<PhaseModel> phases,
            ref bool ok)
        {
            var what = "phases[" + position.ToString(CultureInfo.InvariantCulture) + "] of " + lifecycleWhat;
            var item = ReadMapping(node, what, s_phaseKeys, node);
            if (item is null)
            {
                ok = false;
                return null;
            }

            var name = RequiredIdentifier(item, "name", what, node, ref ok);
            var description = OptionalString(item, "description", what, ref ok);
            if (name is not null && phases.Any(ph => ph.Name == name))
            {
                Report(DiagnosticDescriptors.DuplicateName, item["name"].Value, name, "the phases of " + lifecycleWhat);
                ok = false;
                return null;
            }

            var label = name ?? what;

            // when: { absent: prop } | { present: prop }
            string? conditionJson = null;
            var whenPresent = false;
            YamlNode? conditionNode = null;
            if (!item.TryGetValue("when", out var whenEntry))
            {
                Report(DiagnosticDescriptors.MissingKey, node, what, "when");
                ok = false;
            }
            else
            {
                var when = ReadMapping(whenEntry.Value, "'when' of " + what, s_whenKeys, whenEntry.Key);
                if (when is null)
                {
                    ok = false;
                }
                else if (when.Count != 1)
                {
                    Report(DiagnosticDescriptors.InvalidValue, whenEntry.Value, "'when' of " + what, "a mapping with exactly one of absent or present", "a mapping with " + when.Count.ToString(CultureInfo.InvariantCulture) + " keys");
                    ok = false;
                }
                else
                {
                    var entry = when.First();
                    whenPresent = entry.Key == "present";
                    conditionNode = entry.Value.Value;
                    conditionJson = StringValue(entry.Value.Value, "'" + entry.Key + "' of " + what, ref ok);
                }
            }

            string? conditionProperty = null;
            var conditionIsArray = false;
            if (conditionJson is not null)
            {
                if (index.FindProperty(schema, schemaName, conditionJson) is { } found)
                {
                    conditionProperty = KiotaNames.PropertyName(conditionJson, index.IsErrorType(found.DeclaringSchema));
                    conditionIsArray = found.Schema.Type == "array";
                }
                else
                {
                    Report(DiagnosticDescriptors.LifecycleMissingField, conditionNode!, "Phase '" + label + "' of " + lifecycleWhat,
                        "'" + conditionJson + "' is not a property of " + schemaName);
                    ok = false;
                }
            }

            if (conditionProperty is not null && name is not null)
            {
                ReportUnreachablePhase(phases, name, lifecycleWhat, conditionProperty, whenPresent, whenEntry.Key);
            }

            // status: dotted path to an annotated property
            var statusPath = item.ContainsKey("status") ? StringValue(item["status"].Value, "'status' of " + what, ref ok) : null;
            if (!item.ContainsKey("status"))
            {
                Report(DiagnosticDescriptors.MissingKey, node, what, "status");
                ok = false;
            }

            ResolvedField? field = null;
            var before = new List<string>();
            var after = new List<string>();
            var elementClass = string.Empty;
            if (statusPath is not null)
            {
                field = ResolveStatusPath(statusPath, item["status"].Value, label, lifecycleWhat, schemaName, schema, index, fields, brokenFields, before, after, out elementClass, ref ok);
            }

            // states: { StatusMember: LifecycleState }
            var mappings = new List<StateMappingModel>();
            if (!item.TryGetValue("states", out var mapEntry))
            {
                Report(DiagnosticDescriptors.MissingKey, node, what, "states");
                ok = false;
            }
            else if (mapEntry.Value is not YamlMappingNode mapNode)
            {
                Report(DiagnosticDescriptors.InvalidValue, mapEntry.Value, "'states' of " + what, "a mapping from status member to lifecycle state", Yaml.Describe(mapEntry.Value));
                ok = false;
            }
            else if (field is not null)
            {
                var memberNames = field.Model.Members.Select(m => m.Name).ToList();
                foreach (var child in mapNode.Children)
                {
                    var member = StringValue(child.Key, "a key of 'states' of " + what, ref ok);
                    var state = StringValue(child.Value, "a value of 'states' of " + what, ref ok);
                    if (member is null || state is null)
                    {
                        continue;
                    }

                    if (!memberNames.Contains(member))
                    {
                        Report(DiagnosticDescriptors.LifecycleMapping, child.Key, label,
                            "'" + member + "' is not a member of " + field.Model.EnumName + " (" + string.Join(", ", memberNames) + ")");
                        ok = false;
                        continue;
                    }

                    if (!states.Any(s => s.Name == state))
                    {
                        Report(DiagnosticDescriptors.LifecycleMapping, child.Value, label,
                            "'" + state + "' is not one of the declared states (" + string.Join(", ", states.Select(s => s.Name)) + ")");
                        ok = false;
                        continue;
                    }

                    mappings.Add(new StateMappingModel(member, state));
                }

                var missing = memberNames.Where(m => !mappings.Any(x => x.StatusMember == m)).ToList();
                if (missing.Count > 0)
                {
                    Report(DiagnosticDescriptors.LifecycleMapping, mapEntry.Key, label,
                        "every member of " + field.Model.EnumName + " must be mapped; missing: " + string.Join(", ", missing));
                    ok = false;
                }
            }

            if (name is null || conditionProperty is null || field is null || statusPath is null || !ok)
            {
                return null;
            }

            return new PhaseModel(
                name,
                phases.Count,
                description,
                conditionProperty,
                conditionJson!,
                conditionIsArray,
                whenPresent,
                field.Model.EnumName,
                before.ToEquatableArray(),
                elementClass,
                after.ToEquatableArray(),
                statusPath,
                mappings.OrderBy(m => field.Model.Members.First(x => x.Name == m.StatusMember).Value).ToEquatableArray());
        }

        /// <summary>
        /// Phases are checked in order: a phase is never reached when an earlier one tests the same
        /// condition, or when two earlier ones test opposite conditions on the same property.
        /// </summary>
        private void ReportUnreachablePhase(List<PhaseModel> earlier, string name, string lifecycleWhat, string conditionProperty, bool whenPresent, YamlNode whenNode)
        {
            var same = earlier.FirstOrDefault(p => p.ConditionProperty == conditionProperty && p.WhenPresent == whenPresent);
            if (same is not null)
            {
                Report(DiagnosticDescriptors.UnreachablePhase, whenNode, name, lifecycleWhat, "phase '" + same.Name + "' has the same condition and is checked first");
                return;
            }

            foreach (var absent in earlier.Where(p => !p.WhenPresent))
            {
                if (earlier.FirstOrDefault(p => p.WhenPresent && p.ConditionProperty == absent.ConditionProperty) is { } present)
                {
                    Report(DiagnosticDescriptors.UnreachablePhase, whenNode, name, lifecycleWhat,
                        "phases '" + absent.Name + "' and '" + present.Name + "' together apply to every response ("
                        + present.ConditionJsonName + " absent or present)");
                    return;
                }
            }
        }

        private ResolvedField? ResolveStatusPath(
            string statusPath,
            YamlNode pathNode,
            string label,
            string lifecycleWhat,
            string schemaName,
            OpenApiSchema schema,
            SchemaIndex index,
            List<ResolvedField> fields,
            HashSet<(string Schema, string Property)> brokenFields,
            List<string> before,
            List<string> after,
            out string elementClass,
            ref bool ok)
        {
            // Once the path has crossed its array, the array's element class is known.
            var crosses = false;
            elementClass = string.Empty;
            var where = "Phase '" + label + "' of " + lifecycleWhat;
            var segments = statusPath.Split('.');
            var current = schema;
            var currentName = schemaName;
            for (var i = 0; i < segments.Length; i++)
            {
                var segment = segments[i];
                var found = segment.Length == 0 ? null : index.FindProperty(current, currentName, segment);
                if (found is null)
                {
                    Report(DiagnosticDescriptors.LifecycleMissingField, pathNode, where, "status path '" + statusPath + "': '" + segment + "' is not a property of " + currentName);
                    ok = false;
                    return null;
                }

                var csharpName = KiotaNames.PropertyName(segment, index.IsErrorType(found.DeclaringSchema));
                (crosses ? after : before).Add(csharpName);
                if (i == segments.Length - 1)
                {
                    var target = fields.FirstOrDefault(f => f.SchemaName == found.DeclaringSchema && f.PropertyName == segment);
                    if (target is null)
                    {
                        if (!brokenFields.Contains((found.DeclaringSchema, segment)))
                        {
                            Report(DiagnosticDescriptors.LifecycleMissingField, pathNode, where,
                                "status path '" + statusPath + "' ends at " + found.DeclaringSchema + "." + segment + ", which has no " + StatusKey);
                        }

                        ok = false;
                    }

                    return target;
                }

                var next = found.Schema;
                if (next.Type == "array")
                {
                    if (crosses)
                    {
                        Report(DiagnosticDescriptors.LifecycleMissingField, pathNode, where, "status path '" + statusPath + "' crosses more than one array");
                        ok = false;
                        return null;
                    }

                    crosses = true;
                    next = next.Items;
                }

                if (next?.Reference?.Id is not { } id || next.Reference.IsExternal)
                {
                    Report(DiagnosticDescriptors.LifecycleMissingField, pathNode, where,
                        "status path '" + statusPath + "': '" + segment + "' must be a $ref to a component schema (or an array of one) to be followed");
                    ok = false;
                    return null;
                }

                if (crosses && elementClass.Length == 0)
                {
                    elementClass = KiotaNames.ClassName(id);
                }

                current = next;
                currentName = id;
            }

            return null;
        }

        // ---------------------------------------------------------------- cross-annotation checks

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
                    Report(DiagnosticDescriptors.DuplicateName, field.EnumNode, model.EnumName, "the types of the models' namespace (Kiota models and generated types)");
                    continue;
                }

                if (!accessors.Add((model.OwnerClassName, model.AccessorName)))
                {
                    Report(DiagnosticDescriptors.DuplicateName, field.AccessorNode, model.AccessorName, "the extension methods of " + model.OwnerClassName);
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
                    Report(DiagnosticDescriptors.DuplicateName, lifecycle.EnumNode, clash ?? model.AccessorName, "the generated types and accessors of the models' namespace");
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
