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
    /// <summary>
    /// Reading an x-contacts-status annotation, in steps: locate the annotated property, read the
    /// annotation's own keys, read its members (names and descriptions merged with the standard enum
    /// extensions), then build the model.
    /// </summary>
    internal sealed partial class Parser
    {
        /// <summary>Step 1: the component schema and property the annotation sits on, as the OpenAPI reader sees them.</summary>
        private StatusTarget? LocateStatusProperty(Occurrence occurrence, SchemaIndex index)
        {
            var p = occurrence.Path;
            var pointer = Pointer(p);

            // components/schemas/S/properties/P or components/schemas/S/allOf/i/properties/P
            var direct = p.Count == 5 && p[0] == "components" && p[1] == "schemas" && p[3] == "properties";
            var viaAllOf = p.Count == 7 && p[0] == "components" && p[1] == "schemas" && p[3] == "allOf" && p[5] == "properties";
            if (!direct && !viaAllOf)
            {
                NotGenerated(occurrence, StatusKey, "it belongs on a property of a component schema (components/schemas/<Schema>/properties/<property>)");
                return null;
            }

            var schemaName = p[2];
            var propertyName = direct ? p[4] : p[6];
            if (!index.TryGetModelSchema(schemaName, out var schema, out var whyNot))
            {
                NotGenerated(occurrence, StatusKey, whyNot);
                return null;
            }

            var container = viaAllOf ? InlineAllOfMember(schema, p[4]) : schema;
            if (container is null)
            {
                NotGenerated(occurrence, StatusKey, "the allOf member is a $ref (annotate the referenced schema) or is not read as a schema");
                return null;
            }

            if (container.Properties is null || !container.Properties.TryGetValue(propertyName, out var property) || property is null)
            {
                NotGenerated(occurrence, StatusKey, "the OpenAPI reader does not see this property");
                return null;
            }

            if (property.Reference is not null)
            {
                NotGenerated(occurrence, StatusKey,
                    "the property is a $ref to '" + property.Reference.Id + "', and a $ref's siblings are ignored; declare the property inline as type: string or type: integer");
                return null;
            }

            return new StatusTarget(occurrence, schemaName, propertyName, property);
        }

        /// <summary>
        /// The inline allOf member at <paramref name="position"/>. The reader leaves null where a member
        /// could not be read (a $ref to a missing schema with siblings, for instance): every step is
        /// checked, never assumed.
        /// </summary>
        private static OpenApiSchema? InlineAllOfMember(OpenApiSchema schema, string position) =>
            int.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out var member)
            && schema.AllOf is { } allOf
            && member < allOf.Count
            && allOf[member] is { Reference: null } memberSchema
                ? memberSchema
                : null;

        /// <summary>Steps 2 to 4 on a located property: the annotation's keys, its members, the model.</summary>
        private ResolvedField? ReadStatusField(StatusTarget target, SchemaIndex index)
        {
            var occurrence = target.Occurrence;
            var errorsBefore = _diagnostics.ErrorCount;
            var kind = CheckPropertyType(occurrence, target.Property, target.Name);
            var reader = new AnnotationReader(_diagnostics);
            var map = reader.ReadMapping(occurrence.Value, target.What, s_statusKeys, occurrence.KeyNode);
            if (kind is null || map is null)
            {
                return null;
            }

            var standard = StandardEnumExtensions.Read(_diagnostics, occurrence.Parent, target.What);
            if (!standard.Ok)
            {
                reader.Fail();
            }

            var header = ReadStatusHeader(target, map, standard, reader);
            if (reader.RequiredList(map, "values", target.What, occurrence.KeyNode) is not { } valuesNode)
            {
                return null;
            }

            var context = new MemberContext(target, kind.Value, header.CaseSensitive, standard, reader);
            CheckStandardListLengths(context, valuesNode.Children.Count);
            var members = ReadMembers(context, valuesNode);
            CheckFallback(context, header, map, members);

            // Any problem reported while reading this annotation (even an unknown key) drops it whole.
            if (reader.Failed || _diagnostics.ErrorCount != errorsBefore || header.Fallback is null || header.EnumName is null || header.Accessor is null)
            {
                return null;
            }

            var model = BuildStatusField(target, header, kind.Value, members, index);
            return new ResolvedField(model, target.SchemaName, target.PropertyName, header.EnumNameNode!, header.AccessorNode);
        }

        /// <summary>Step 2: the annotation's own keys (enum name from it or from x-ms-enum, accessor, matching, fallback).</summary>
        private static StatusHeader ReadStatusHeader(StatusTarget target, AnnotationMap map, StandardEnumExtensions standard, AnnotationReader reader)
        {
            var what = target.What;
            var enumName = reader.OptionalString(map, "enum", what);
            if (enumName is not null && standard.EnumName is not null)
            {
                reader.Fail(DiagnosticDescriptors.StandardExtensionConflict, map["enum"].Key,
                    "The enum name of " + what + " is given both by 'enum' and by x-ms-enum's name; say it once");
            }

            var enumNameNode = enumName is not null ? map["enum"].Value : standard.EnumNameNode;
            enumName ??= standard.EnumName;
            if (enumName is null)
            {
                // A missing name is only worth saying when nothing else already explains it.
                if (!reader.Failed)
                {
                    reader.Diagnostics.Report(DiagnosticDescriptors.MissingKey, target.Occurrence.KeyNode, what, "enum");
                }

                reader.Fail();
            }
            else if (!reader.CheckIdentifier(enumName, "enum name of " + what, enumNameNode!))
            {
                reader.Fail();
            }

            var accessor = reader.OptionalString(map, "accessor", what) ?? (enumName is null ? null : "Get" + enumName);
            var accessorNode = map.TryGetValue("accessor", out var accessorEntry) ? accessorEntry.Value : target.Occurrence.KeyNode;
            if (accessor is not null && map.ContainsKey("accessor") && !reader.CheckIdentifier(accessor, "accessor of " + what, accessorNode))
            {
                reader.Fail();
            }

            var caseSensitive = reader.OptionalBool(map, "caseSensitive", what) ?? false;
            var description = reader.OptionalString(map, "description", what);
            var fallback = reader.OptionalString(map, "fallback", what);
            if (fallback is null && !map.ContainsKey("fallback"))
            {
                reader.Fail(DiagnosticDescriptors.MissingKey, target.Occurrence.KeyNode, what, "fallback");
            }

            return new StatusHeader(enumName, enumNameNode, accessor, accessorNode, caseSensitive, description, fallback);
        }

        /// <summary>x-enum-varnames and x-enum-descriptions pair with the values by position, so their lengths must agree.</summary>
        private static void CheckStandardListLengths(MemberContext context, int valueCount)
        {
            var name = context.Target.Name;
            if (context.Standard.VarNames is { } varNames && varNames.Count != valueCount)
            {
                context.Reader.Fail(DiagnosticDescriptors.StandardExtensionConflict, context.Standard.VarNamesNode!,
                    "x-enum-varnames of " + name + " has " + varNames.Count + " names for " + valueCount + " values; it pairs with x-contacts-status values by position");
            }

            if (context.Standard.Descriptions is { } descriptions && descriptions.Count != valueCount)
            {
                context.Reader.Fail(DiagnosticDescriptors.StandardExtensionConflict, context.Standard.DescriptionsNode!,
                    "x-enum-descriptions of " + name + " has " + descriptions.Count + " entries for " + valueCount + " values; it pairs with x-contacts-status values by position");
            }
        }

        /// <summary>Step 3: every listed value, with its name and description; x-ms-enum values nobody lists are reported.</summary>
        private static List<PendingMember> ReadMembers(MemberContext context, YamlSequenceNode valuesNode)
        {
            var members = new List<PendingMember>();
            for (var i = 0; i < valuesNode.Children.Count; i++)
            {
                if (ReadMember(context, valuesNode.Children[i], i) is { } member)
                {
                    members.Add(member);
                }
            }

            foreach (var unused in context.Standard.MsEnumValues.Where(v => !context.UsedStandardValues.Contains(v)))
            {
                context.Reader.Fail(DiagnosticDescriptors.StandardExtensionConflict, unused.ValueNode,
                    "x-ms-enum of " + context.Target.Name + " lists the value '" + unused.Value + "', which x-contacts-status does not list");
            }

            return members;
        }

        /// <summary>One entry of <c>values</c>: its wire value, then its name and description from at most one source each.</summary>
        private static PendingMember? ReadMember(MemberContext context, YamlNode node, int position)
        {
            var reader = context.Reader;
            var what = context.Target.What;
            var itemWhat = "values[" + position.ToString(CultureInfo.InvariantCulture) + "] of " + what;
            var item = reader.ReadMapping(node, itemWhat, s_valueKeys, node);
            if (item is null)
            {
                reader.Fail();
                return null;
            }

            if (!item.TryGetValue("value", out var valueEntry))
            {
                reader.Fail(DiagnosticDescriptors.MissingKey, node, itemWhat, "value");
                return null;
            }

            if (!reader.TryReadWireValue(valueEntry.Value, context.Kind, "'value' of " + itemWhat, out var wireText, out var wireInteger))
            {
                reader.Fail();
                return null;
            }

            if (!context.SeenValues.Add(wireText))
            {
                reader.Fail(DiagnosticDescriptors.DuplicateValue, valueEntry.Value, wireText, what);
                return null;
            }

            var msEnum = context.Standard.FindMsEnumValue(wireText, context.Comparer);
            if (msEnum is not null)
            {
                context.UsedStandardValues.Add(msEnum);
            }

            var (name, nameNode) = MemberName(context, item, msEnum, position, wireText, wireInteger, valueEntry.Value);
            if (!reader.CheckIdentifier(name, "member name of value '" + wireText + "' of " + what, nameNode))
            {
                reader.Fail();
                return null;
            }

            if (!context.SeenNames.Add(name))
            {
                reader.Fail(DiagnosticDescriptors.DuplicateName, nameNode, name, what);
                return null;
            }

            var description = MemberDescription(context, item, msEnum, position, wireText);
            var terminal = reader.OptionalBool(item, "terminal", itemWhat) ?? false;
            var outcome = reader.OptionalOutcome(item, itemWhat);
            return new PendingMember(name, wireText, wireInteger, description, terminal, outcome, nameNode);
        }

        /// <summary>A member's name: from the annotation, x-ms-enum or x-enum-varnames (at most one), else derived from the value.</summary>
        private static (string Name, YamlNode Node) MemberName(MemberContext context, AnnotationMap item, StandardEnumExtensions.MsEnumValue? msEnum, int position, string wireText, long wireInteger, YamlNode valueNode)
        {
            var sources = new List<(string Text, YamlNode Node, string Source)>();
            var itemWhat = "values[" + position.ToString(CultureInfo.InvariantCulture) + "] of " + context.Target.What;
            if (context.Reader.OptionalString(item, "name", itemWhat) is { } own)
            {
                sources.Add((own, item["name"].Value, StatusKey));
            }

            if (msEnum?.Name is not null)
            {
                sources.Add((msEnum.Name, msEnum.NameNode!, "x-ms-enum"));
            }

            if (context.Standard.VarNames is { } names && position < names.Count && names[position].Value is not null)
            {
                sources.Add((names[position].Value!, names[position].Node, "x-enum-varnames"));
            }

            if (OneSource(context.Reader, sources, "name of value '" + wireText + "' of " + context.Target.What) is { } named)
            {
                return named;
            }

            var derived = context.Kind == WireKind.Integer ? KiotaNames.MemberNameFromInteger(wireInteger) : KiotaNames.MemberNameFromString(wireText);
            return (derived, valueNode);
        }

        /// <summary>A member's description: from the annotation, x-ms-enum or x-enum-descriptions, at most one of them.</summary>
        private static string? MemberDescription(MemberContext context, AnnotationMap item, StandardEnumExtensions.MsEnumValue? msEnum, int position, string wireText)
        {
            var sources = new List<(string Text, YamlNode Node, string Source)>();
            var itemWhat = "values[" + position.ToString(CultureInfo.InvariantCulture) + "] of " + context.Target.What;
            if (context.Reader.OptionalString(item, "description", itemWhat) is { } own)
            {
                sources.Add((own, item["description"].Value, StatusKey));
            }

            if (msEnum?.Description is not null)
            {
                sources.Add((msEnum.Description, msEnum.DescriptionNode!, "x-ms-enum"));
            }

            if (context.Standard.Descriptions is { } texts && position < texts.Count && texts[position].Value is not null)
            {
                sources.Add((texts[position].Value!, texts[position].Node, "x-enum-descriptions"));
            }

            return OneSource(context.Reader, sources, "description of value '" + wireText + "' of " + context.Target.What)?.Text;
        }

        /// <summary>
        /// What a member takes from its sources (the annotation, x-ms-enum, x-enum-varnames or
        /// x-enum-descriptions): at most one may give it; a second one is reported at its place.
        /// </summary>
        private static (string Text, YamlNode Node)? OneSource(AnnotationReader reader, List<(string Text, YamlNode Node, string Source)> sources, string whatOfValue)
        {
            if (sources.Count > 1)
            {
                reader.Fail(DiagnosticDescriptors.StandardExtensionConflict, sources[1].Node,
                    "The " + whatOfValue + " is given by both " + sources[0].Source + " and " + sources[1].Source + "; say it once");
            }

            return sources.Count > 0 ? (sources[0].Text, sources[0].Node) : null;
        }

        /// <summary>The fallback must name a listed member (only said when the members themselves are sound).</summary>
        private static void CheckFallback(MemberContext context, StatusHeader header, AnnotationMap map, List<PendingMember> members)
        {
            if (header.Fallback is { } fallback && !members.Any(m => m.Name == fallback) && !context.Reader.Failed)
            {
                context.Reader.Fail(DiagnosticDescriptors.FallbackNotMember, map["fallback"].Value, fallback, context.Target.What, string.Join(", ", members.Select(m => m.Name)));
            }
        }

        /// <summary>Step 4: the model, with Kiota's names for the owner class and property.</summary>
        private static StatusFieldModel BuildStatusField(StatusTarget target, StatusHeader header, WireKind kind, List<PendingMember> members, SchemaIndex index)
        {
            // The fallback is 0, so default(T) is the fallback; the others follow in listed order.
            var next = 1;
            var modelMembers = members
                .Select(m => new StatusMemberModel(m.Name, m.Name == header.Fallback ? 0 : next++, m.WireText, m.WireInteger, m.Description, m.Terminal, m.Outcome, m.Name == header.Fallback))
                .ToEquatableArray();

            return new StatusFieldModel(
                header.EnumName!,
                header.Accessor!,
                KiotaNames.ClassName(target.SchemaName),
                KiotaNames.PropertyName(target.PropertyName, index.IsErrorType(target.SchemaName)),
                target.Name,
                kind,
                header.CaseSensitive,
                header.Description,
                modelMembers);
        }

        private WireKind? CheckPropertyType(Occurrence occurrence, OpenApiSchema property, string name)
        {
            if (property.Enum is { Count: > 0 })
            {
                var enumNode = Yaml.TryGetChild(occurrence.Parent, "enum", out var key, out _) ? key : (YamlNode)occurrence.KeyNode;
                _diagnostics.Report(DiagnosticDescriptors.UnsupportedPropertyType, enumNode, name,
                    "it has enum:, which Kiota turns into a C# enum that reads unknown values as null; remove enum: and list the values in x-contacts-status");
                return null;
            }

            var typeNode = Yaml.TryGetChild(occurrence.Parent, "type", out var typeKey, out _) ? typeKey : (YamlNode)occurrence.KeyNode;
            switch (property.Type)
            {
                case "string" when property.Format is null || !s_nonStringFormats.Contains(property.Format):
                    return WireKind.String;
                case "string":
                    _diagnostics.Report(DiagnosticDescriptors.UnsupportedPropertyType, typeNode, name,
                        "format '" + property.Format + "' makes Kiota type it as something other than string");
                    return null;
                case "integer" when property.Format is null or "int32" or "int64":
                    return WireKind.Integer;
                case "integer":
                    _diagnostics.Report(DiagnosticDescriptors.UnsupportedPropertyType, typeNode, name,
                        "integer format '" + property.Format + "' is not supported; use int32 or int64");
                    return null;
                default:
                    _diagnostics.Report(DiagnosticDescriptors.UnsupportedPropertyType, typeNode, name,
                        "its type is " + (property.Type is null ? "not given" : "'" + property.Type + "'") + "; status values must be type: string or type: integer");
                    return null;
            }
        }

        private void NotGenerated(Occurrence occurrence, string annotation, string why) =>
            _diagnostics.Report(DiagnosticDescriptors.NotGenerated, occurrence.KeyNode, annotation, Pointer(occurrence.Path), why);

        /// <summary>The annotated property, located.</summary>
        private sealed record StatusTarget(Occurrence Occurrence, string SchemaName, string PropertyName, OpenApiSchema Property)
        {
            /// <summary><c>Schema.property</c>, for messages and documentation.</summary>
            public string Name => SchemaName + "." + PropertyName;

            /// <summary>How messages name the annotation.</summary>
            public string What => StatusKey + " of " + Name;
        }

        /// <summary>The annotation's own keys, as read (null where missing or wrong).</summary>
        private sealed record StatusHeader(string? EnumName, YamlNode? EnumNameNode, string? Accessor, YamlNode AccessorNode, bool CaseSensitive, string? Description, string? Fallback);

        /// <summary>What reading the members of one annotation shares: the field, its standard extensions and the names and values seen so far.</summary>
        private sealed class MemberContext
        {
            public MemberContext(StatusTarget target, WireKind kind, bool caseSensitive, StandardEnumExtensions standard, AnnotationReader reader)
            {
                Target = target;
                Kind = kind;
                Standard = standard;
                Reader = reader;
                Comparer = caseSensitive ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;
                SeenValues = new HashSet<string>(kind == WireKind.String ? Comparer : StringComparer.Ordinal);
            }

            public StatusTarget Target { get; }

            public WireKind Kind { get; }

            public StandardEnumExtensions Standard { get; }

            public AnnotationReader Reader { get; }

            /// <summary>How wire values are matched (x-ms-enum values included).</summary>
            public StringComparer Comparer { get; }

            public HashSet<string> SeenValues { get; }

            public HashSet<string> SeenNames { get; } = new(StringComparer.Ordinal);

            public HashSet<StandardEnumExtensions.MsEnumValue> UsedStandardValues { get; } = new();
        }
    }
}
