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
    /// <summary>
    /// Reading an x-contacts-lifecycle annotation, in steps: locate the schema, read the names and
    /// the states, then each phase (its condition, its status path, its state map).
    /// </summary>
    internal sealed partial class Parser
    {
        /// <summary>Step 1: the component schema the annotation sits on.</summary>
        private LifecycleTarget? LocateLifecycleSchema(Occurrence occurrence, SchemaIndex index)
        {
            var p = occurrence.Path;
            if (!(p.Count == 3 && p[0] == "components" && p[1] == "schemas"))
            {
                NotGenerated(occurrence, LifecycleKey, "it belongs on a component schema (components/schemas/<Schema>)");
                return null;
            }

            if (!index.TryGetModelSchema(p[2], out var schema, out var whyNot))
            {
                NotGenerated(occurrence, LifecycleKey, whyNot);
                return null;
            }

            return new LifecycleTarget(occurrence, p[2], schema);
        }

        /// <summary>Steps 2 to 4 on a located schema: names, states, phases, then the model.</summary>
        private (LifecycleModel Model, YamlNode EnumNode)? ReadLifecycle(LifecycleTarget target, SchemaIndex index, AnnotatedFields fields)
        {
            var occurrence = target.Occurrence;
            var errorsBefore = _diagnostics.ErrorCount;
            var reader = new AnnotationReader(_diagnostics);
            var map = reader.ReadMapping(occurrence.Value, target.What, s_lifecycleKeys, occurrence.KeyNode);
            if (map is null)
            {
                return null;
            }

            var what = target.What;
            var enumName = reader.RequiredIdentifier(map, "enum", what, occurrence.KeyNode);
            var phaseEnum = reader.OptionalIdentifier(map, "phaseEnum", what) ?? (enumName is null ? null : enumName + "Phase");
            var result = reader.OptionalIdentifier(map, "result", what) ?? (enumName is null ? null : enumName + "Info");
            var accessor = reader.OptionalIdentifier(map, "accessor", what) ?? (enumName is null ? null : "Get" + enumName);
            var description = reader.OptionalString(map, "description", what);
            var states = ReadStates(target, map, reader);
            var context = new PhaseContext(target, index, fields, states, reader);
            var phases = ReadPhases(context, map);

            if (reader.Failed || _diagnostics.ErrorCount != errorsBefore || enumName is null || phaseEnum is null || result is null || accessor is null)
            {
                return null;
            }

            var model = new LifecycleModel(
                enumName,
                phaseEnum,
                result,
                accessor,
                KiotaNames.ClassName(target.SchemaName),
                description,
                states.ToEquatableArray(),
                phases.ToEquatableArray());
            return (model, map["enum"].Value);
        }

        /// <summary>Step 2: the overall states, each with a unique name.</summary>
        private static List<LifecycleStateModel> ReadStates(LifecycleTarget target, AnnotationMap map, AnnotationReader reader)
        {
            var states = new List<LifecycleStateModel>();
            if (reader.RequiredList(map, "states", target.What, target.Occurrence.KeyNode) is not { } statesNode)
            {
                reader.Fail();
                return states;
            }

            for (var i = 0; i < statesNode.Children.Count; i++)
            {
                var node = statesNode.Children[i];
                var itemWhat = "states[" + i.ToString(CultureInfo.InvariantCulture) + "] of " + target.What;
                var item = reader.ReadMapping(node, itemWhat, s_stateKeys, node);
                if (item is null)
                {
                    reader.Fail();
                    continue;
                }

                var name = reader.RequiredIdentifier(item, "name", itemWhat, node);
                var description = reader.OptionalString(item, "description", itemWhat);
                var terminal = reader.OptionalBool(item, "terminal", itemWhat) ?? false;
                var outcome = reader.OptionalOutcome(item, itemWhat);
                if (name is null)
                {
                    continue;
                }

                if (states.Any(s => s.Name == name))
                {
                    reader.Fail(DiagnosticDescriptors.DuplicateName, item["name"].Value, name, "the states of " + target.What);
                    continue;
                }

                states.Add(new LifecycleStateModel(name, states.Count, description, terminal, outcome));
            }

            return states;
        }

        /// <summary>Step 3: the phases, in evaluation order.</summary>
        private static List<PhaseModel> ReadPhases(PhaseContext context, AnnotationMap map)
        {
            if (context.Reader.RequiredList(map, "phases", context.Target.What, context.Target.Occurrence.KeyNode) is not { } phasesNode)
            {
                context.Reader.Fail();
                return context.Phases;
            }

            for (var i = 0; i < phasesNode.Children.Count; i++)
            {
                if (ReadPhase(context, phasesNode.Children[i], i) is { } phase)
                {
                    context.Phases.Add(phase);
                }
            }

            return context.Phases;
        }

        /// <summary>One phase: name, condition, status path and state map, each read by its own step.</summary>
        private static PhaseModel? ReadPhase(PhaseContext context, YamlNode node, int position)
        {
            var reader = context.Reader;
            var what = "phases[" + position.ToString(CultureInfo.InvariantCulture) + "] of " + context.Target.What;
            var item = reader.ReadMapping(node, what, s_phaseKeys, node);
            if (item is null)
            {
                reader.Fail();
                return null;
            }

            var name = reader.RequiredIdentifier(item, "name", what, node);
            var description = reader.OptionalString(item, "description", what);
            if (name is not null && context.Phases.Any(ph => ph.Name == name))
            {
                reader.Fail(DiagnosticDescriptors.DuplicateName, item["name"].Value, name, "the phases of " + context.Target.What);
                return null;
            }

            var label = name ?? what;
            var condition = ReadCondition(context, item, node, what, label);
            if (condition is not null && name is not null)
            {
                ReportUnreachablePhase(context, name, condition);
            }

            var statusPath = ReadStatusPath(context, item, node, what, label);
            var mappings = ReadStateMap(context, item, node, what, label, statusPath?.Field);
            if (name is null || condition is null || statusPath is null || reader.Failed)
            {
                return null;
            }

            var field = statusPath.Field.Model;
            return new PhaseModel(
                name,
                context.Phases.Count,
                description,
                condition.Property,
                condition.JsonName,
                condition.IsArray,
                condition.WhenPresent,
                field.EnumName,
                field.Kind,
                statusPath.BeforeArray,
                statusPath.ArrayElementClassName,
                statusPath.AfterArray,
                statusPath.Text,
                mappings.OrderBy(m => field.Members.First(x => x.Name == m.StatusMember).Value).ToEquatableArray());
        }

        /// <summary><c>when: {absent: prop}</c> or <c>when: {present: prop}</c>, resolved to Kiota's property.</summary>
        private static PhaseCondition? ReadCondition(PhaseContext context, AnnotationMap item, YamlNode phaseNode, string what, string label)
        {
            var reader = context.Reader;
            if (!item.TryGetValue("when", out var whenEntry))
            {
                reader.Fail(DiagnosticDescriptors.MissingKey, phaseNode, what, "when");
                return null;
            }

            var when = reader.ReadMapping(whenEntry.Value, "'when' of " + what, s_whenKeys, whenEntry.Key);
            if (when is null)
            {
                reader.Fail();
                return null;
            }

            if (when.Count != 1)
            {
                reader.Fail(DiagnosticDescriptors.InvalidValue, whenEntry.Value, "'when' of " + what, "a mapping with exactly one of absent or present", "a mapping with " + when.Count.ToString(CultureInfo.InvariantCulture) + " keys");
                return null;
            }

            var entry = when.First();
            var conditionNode = entry.Value.Value;
            if (reader.StringValue(conditionNode, "'" + entry.Key + "' of " + what) is not { } jsonName)
            {
                return null;
            }

            var target = context.Target;
            if (context.Index.FindProperty(target.Schema, target.SchemaName, jsonName) is not { } found)
            {
                reader.Fail(DiagnosticDescriptors.LifecycleMissingField, conditionNode, "Phase '" + label + "' of " + target.What,
                    "'" + jsonName + "' is not a property of " + target.SchemaName);
                return null;
            }

            var property = KiotaNames.PropertyName(jsonName, context.Index.IsErrorType(found.DeclaringSchema));
            return new PhaseCondition(jsonName, property, found.Schema.Type == "array", entry.Key == "present", whenEntry.Key);
        }

        /// <summary>
        /// Phases are checked in order: a phase is never reached when an earlier one tests the same
        /// condition, or when two earlier ones test opposite conditions on the same property.
        /// </summary>
        private static void ReportUnreachablePhase(PhaseContext context, string name, PhaseCondition condition)
        {
            var earlier = context.Phases;
            var diagnostics = context.Reader.Diagnostics;
            var same = earlier.FirstOrDefault(p => p.ConditionProperty == condition.Property && p.WhenPresent == condition.WhenPresent);
            if (same is not null)
            {
                diagnostics.Report(DiagnosticDescriptors.UnreachablePhase, condition.WhenNode, name, context.Target.What, "phase '" + same.Name + "' has the same condition and is checked first");
                return;
            }

            foreach (var absent in earlier.Where(p => !p.WhenPresent))
            {
                if (earlier.FirstOrDefault(p => p.WhenPresent && p.ConditionProperty == absent.ConditionProperty) is { } present)
                {
                    diagnostics.Report(DiagnosticDescriptors.UnreachablePhase, condition.WhenNode, name, context.Target.What,
                        "phases '" + absent.Name + "' and '" + present.Name + "' together apply to every response ("
                        + present.ConditionJsonName + " absent or present)");
                    return;
                }
            }
        }

        /// <summary>The <c>status</c> key: a dotted path from the schema to an annotated property.</summary>
        private static ResolvedStatusPath? ReadStatusPath(PhaseContext context, AnnotationMap item, YamlNode phaseNode, string what, string label)
        {
            if (!item.TryGetValue("status", out var statusEntry))
            {
                context.Reader.Fail(DiagnosticDescriptors.MissingKey, phaseNode, what, "status");
                return null;
            }

            return context.Reader.StringValue(statusEntry.Value, "'status' of " + what) is { } text
                ? ResolveStatusPath(context, text, statusEntry.Value, "Phase '" + label + "' of " + context.Target.What)
                : null;
        }

        /// <summary>
        /// Follows a status path property by property (through <c>$ref</c>s and at most one array) to
        /// the annotated field it ends at, collecting Kiota's property names on the way.
        /// </summary>
        private static ResolvedStatusPath? ResolveStatusPath(PhaseContext context, string statusPath, YamlNode pathNode, string where)
        {
            var reader = context.Reader;
            var before = new List<string>();
            var after = new List<string>();
            string? elementClass = null;
            var segments = statusPath.Split('.');
            var current = context.Target.Schema;
            var currentName = context.Target.SchemaName;
            for (var i = 0; i < segments.Length; i++)
            {
                var segment = segments[i];
                var found = segment.Length == 0 ? null : context.Index.FindProperty(current, currentName, segment);
                if (found is null)
                {
                    reader.Fail(DiagnosticDescriptors.LifecycleMissingField, pathNode, where, "status path '" + statusPath + "': '" + segment + "' is not a property of " + currentName);
                    return null;
                }

                // Once the path has crossed its array, the array's element class is known.
                (elementClass is null ? before : after).Add(KiotaNames.PropertyName(segment, context.Index.IsErrorType(found.DeclaringSchema)));
                if (i == segments.Length - 1)
                {
                    var field = FindAnnotatedField(context, found.DeclaringSchema, segment, statusPath, pathNode, where);
                    return field is null
                        ? null
                        : new ResolvedStatusPath(field, statusPath, before.ToEquatableArray(), elementClass ?? string.Empty, after.ToEquatableArray());
                }

                var next = found.Schema;
                if (next.Type == "array")
                {
                    if (elementClass is not null)
                    {
                        reader.Fail(DiagnosticDescriptors.LifecycleMissingField, pathNode, where, "status path '" + statusPath + "' crosses more than one array");
                        return null;
                    }

                    next = next.Items;
                    elementClass = next?.Reference?.Id is { } elementId ? KiotaNames.ClassName(elementId) : string.Empty;
                }

                if (next?.Reference?.Id is not { } id || next.Reference.IsExternal)
                {
                    reader.Fail(DiagnosticDescriptors.LifecycleMissingField, pathNode, where,
                        "status path '" + statusPath + "': '" + segment + "' must be a $ref to a component schema (or an array of one) to be followed");
                    return null;
                }

                current = next;
                currentName = id;
            }

            return null;
        }

        /// <summary>The x-contacts-status field a path ends at; a field whose own annotation failed was already reported.</summary>
        private static ResolvedField? FindAnnotatedField(PhaseContext context, string schemaName, string propertyName, string statusPath, YamlNode pathNode, string where)
        {
            var field = context.Fields.Resolved.FirstOrDefault(f => f.SchemaName == schemaName && f.PropertyName == propertyName);
            if (field is not null)
            {
                return field;
            }

            if (!context.Fields.Broken.Contains((schemaName, propertyName)))
            {
                context.Reader.Diagnostics.Report(DiagnosticDescriptors.LifecycleMissingField, pathNode, where,
                    "status path '" + statusPath + "' ends at " + schemaName + "." + propertyName + ", which has no " + StatusKey);
            }

            context.Reader.Fail();
            return null;
        }

        /// <summary><c>states: {StatusMember: LifecycleState}</c>: every member of the status enum mapped to a declared state.</summary>
        private static List<StateMappingModel> ReadStateMap(PhaseContext context, AnnotationMap item, YamlNode phaseNode, string what, string label, ResolvedField? field)
        {
            var reader = context.Reader;
            var mappings = new List<StateMappingModel>();
            if (!item.TryGetValue("states", out var mapEntry))
            {
                reader.Fail(DiagnosticDescriptors.MissingKey, phaseNode, what, "states");
                return mappings;
            }

            if (mapEntry.Value is not YamlMappingNode mapNode)
            {
                reader.Fail(DiagnosticDescriptors.InvalidValue, mapEntry.Value, "'states' of " + what, "a mapping from status member to lifecycle state", Yaml.Describe(mapEntry.Value));
                return mappings;
            }

            if (field is null)
            {
                return mappings;
            }

            var memberNames = field.Model.Members.Select(m => m.Name).ToList();
            foreach (var child in mapNode.Children)
            {
                var member = reader.StringValue(child.Key, "a key of 'states' of " + what);
                var state = reader.StringValue(child.Value, "a value of 'states' of " + what);
                if (member is null || state is null)
                {
                    continue;
                }

                if (!memberNames.Contains(member))
                {
                    reader.Fail(DiagnosticDescriptors.LifecycleMapping, child.Key, label,
                        "'" + member + "' is not a member of " + field.Model.EnumName + " (" + string.Join(", ", memberNames) + ")");
                    continue;
                }

                if (!context.States.Any(s => s.Name == state))
                {
                    reader.Fail(DiagnosticDescriptors.LifecycleMapping, child.Value, label,
                        "'" + state + "' is not one of the declared states (" + string.Join(", ", context.States.Select(s => s.Name)) + ")");
                    continue;
                }

                mappings.Add(new StateMappingModel(member, state));
            }

            var missing = memberNames.Where(m => !mappings.Any(x => x.StatusMember == m)).ToList();
            if (missing.Count > 0)
            {
                reader.Fail(DiagnosticDescriptors.LifecycleMapping, mapEntry.Key, label,
                    "every member of " + field.Model.EnumName + " must be mapped; missing: " + string.Join(", ", missing));
            }

            return mappings;
        }

        /// <summary>The annotated schema, located.</summary>
        private sealed record LifecycleTarget(Occurrence Occurrence, string SchemaName, OpenApiSchema Schema)
        {
            /// <summary>How messages name the annotation.</summary>
            public string What => LifecycleKey + " of " + SchemaName;
        }

        /// <summary>A phase's condition: the property it tests (JSON and Kiota names), whether it is an array, present or absent.</summary>
        private sealed record PhaseCondition(string JsonName, string Property, bool IsArray, bool WhenPresent, YamlNode WhenNode);

        /// <summary>A status path followed to its annotated field, with the C# property chains before and after its array.</summary>
        private sealed record ResolvedStatusPath(ResolvedField Field, string Text, EquatableArray<string> BeforeArray, string ArrayElementClassName, EquatableArray<string> AfterArray);

        /// <summary>The x-contacts-status fields read so far, and those whose annotation failed (already reported).</summary>
        private sealed record AnnotatedFields(List<ResolvedField> Resolved, HashSet<(string Schema, string Property)> Broken);

        /// <summary>What the phases of one lifecycle share: the schema, the fields, the states, the phases read so far and the reader.</summary>
        private sealed record PhaseContext(LifecycleTarget Target, SchemaIndex Index, AnnotatedFields Fields, List<LifecycleStateModel> States, AnnotationReader Reader)
        {
            public List<PhaseModel> Phases { get; } = new();
        }
    }
}
