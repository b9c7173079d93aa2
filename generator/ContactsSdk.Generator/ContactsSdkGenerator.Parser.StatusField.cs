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
    /// <summary>Reading an x-contacts-status annotation: its members, their names and descriptions, the property it annotates.</summary>
    internal sealed partial class Parser
    {
        private ResolvedField? ReadStatusField(Occurrence occurrence, SchemaIndex index, out (string Schema, string Property)? target)
        {
            target = null;
            var p = occurrence.Path;
            var pointer = Pointer(p);

            // components/schemas/S/properties/P or components/schemas/S/allOf/i/properties/P
            var direct = p.Count == 5 && p[0] == "components" && p[1] == "schemas" && p[3] == "properties";
            var viaAllOf = p.Count == 7 && p[0] == "components" && p[1] == "schemas" && p[3] == "allOf" && p[5] == "properties";
            if (!direct && !viaAllOf)
            {
                Report(DiagnosticDescriptors.NotGenerated, occurrence.KeyNode, StatusKey, pointer,
                    "it belongs on a property of a component schema (components/schemas/<Schema>/properties/<property>)");
                return null;
            }

            var schemaName = p[2];
            var propertyName = direct ? p[4] : p[6];
            var what = StatusKey + " of " + schemaName + "." + propertyName;
            if (!index.TryGetModelSchema(schemaName, out var schema, out var whyNot))
            {
                Report(DiagnosticDescriptors.NotGenerated, occurrence.KeyNode, StatusKey, pointer, whyNot);
                return null;
            }

            var container = schema;
            if (viaAllOf)
            {
                // The reader leaves null where a member could not be read (a $ref to a missing
                // schema with siblings, for instance): every step is checked, never assumed.
                if (!int.TryParse(p[4], NumberStyles.None, CultureInfo.InvariantCulture, out var member)
                    || schema.AllOf is not { } allOf
                    || member >= allOf.Count
                    || allOf[member] is not { Reference: null } memberSchema)
                {
                    Report(DiagnosticDescriptors.NotGenerated, occurrence.KeyNode, StatusKey, pointer,
                        "the allOf member is a $ref (annotate the referenced schema) or is not read as a schema");
                    return null;
                }

                container = memberSchema;
            }

            if (container.Properties is null || !container.Properties.TryGetValue(propertyName, out var property) || property is null)
            {
                Report(DiagnosticDescriptors.NotGenerated, occurrence.KeyNode, StatusKey, pointer,
                    "the OpenAPI reader does not see this property");
                return null;
            }

            if (property.Reference is not null)
            {
                Report(DiagnosticDescriptors.NotGenerated, occurrence.KeyNode, StatusKey, pointer,
                    "the property is a $ref to '" + property.Reference.Id + "', and a $ref's siblings are ignored; declare the property inline as type: string or type: integer");
                return null;
            }

            target = (schemaName, propertyName);
            var errorsBefore = _errorCount;
            var kind = CheckPropertyType(occurrence, property, schemaName + "." + propertyName);
            var map = ReadMapping(occurrence.Value, what, s_statusKeys, occurrence.KeyNode);
            if (kind is null || map is null)
            {
                return null;
            }

            var ok = true;
            var standard = StandardEnumExtensions.Read(this, occurrence.Parent, what);
            ok &= standard.Ok;

            // enum name: from the annotation or from x-ms-enum's name, not both.
            var enumName = OptionalString(map, "enum", what, ref ok);
            if (enumName is not null && standard.EnumName is not null)
            {
                Report(DiagnosticDescriptors.StandardExtensionConflict, map["enum"].Key,
                    "The enum name of " + what + " is given both by 'enum' and by x-ms-enum's name; say it once");
                ok = false;
            }

            var enumNameNode = enumName is not null ? map["enum"].Value : standard.EnumNameNode;
            enumName ??= standard.EnumName;
            if (enumName is null)
            {
                if (ok)
                {
                    Report(DiagnosticDescriptors.MissingKey, occurrence.KeyNode, what, "enum");
                }

                ok = false;
            }
            else if (!CheckIdentifier(enumName, "enum name of " + what, enumNameNode!))
            {
                ok = false;
            }

            var accessor = OptionalString(map, "accessor", what, ref ok) ?? (enumName is null ? null : "Get" + enumName);
            if (accessor is not null && map.TryGetValue("accessor", out var accessorEntry) && !CheckIdentifier(accessor, "accessor of " + what, accessorEntry.Value))
            {
                ok = false;
            }

            var caseSensitive = OptionalBool(map, "caseSensitive", what, ref ok) ?? false;
            var description = OptionalString(map, "description", what, ref ok);
            var fallback = OptionalString(map, "fallback", what, ref ok);
            if (fallback is null && !map.ContainsKey("fallback"))
            {
                Report(DiagnosticDescriptors.MissingKey, occurrence.KeyNode, what, "fallback");
                ok = false;
            }

            if (RequiredList(map, "values", what, occurrence.KeyNode) is not { } valuesNode)
            {
                return null;
            }

            if (standard.VarNames is { } varNames && varNames.Count != valuesNode.Children.Count)
            {
                Report(DiagnosticDescriptors.StandardExtensionConflict, standard.VarNamesNode!,
                    "x-enum-varnames of " + schemaName + "." + propertyName + " has " + varNames.Count + " names for " + valuesNode.Children.Count + " values; it pairs with x-contacts-status values by position");
                ok = false;
            }

            if (standard.Descriptions is { } descriptions && descriptions.Count != valuesNode.Children.Count)
            {
                Report(DiagnosticDescriptors.StandardExtensionConflict, standard.DescriptionsNode!,
                    "x-enum-descriptions of " + schemaName + "." + propertyName + " has " + descriptions.Count + " entries for " + valuesNode.Children.Count + " values; it pairs with x-contacts-status values by position");
                ok = false;
            }

            var comparer = caseSensitive ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;
            var members = new List<PendingMember>();
            var seenValues = new Dictionary<string, YamlNode>(kind == WireKind.String ? comparer : StringComparer.Ordinal);
            var seenNames = new HashSet<string>(StringComparer.Ordinal);
            var usedStandardValues = new HashSet<StandardEnumExtensions.MsEnumValue>();
            for (var i = 0; i < valuesNode.Children.Count; i++)
            {
                var itemWhat = "values[" + i.ToString(CultureInfo.InvariantCulture) + "] of " + what;
                var item = ReadMapping(valuesNode.Children[i], itemWhat, s_valueKeys, valuesNode.Children[i]);
                if (item is null)
                {
                    ok = false;
                    continue;
                }

                if (!item.TryGetValue("value", out var valueEntry))
                {
                    Report(DiagnosticDescriptors.MissingKey, valuesNode.Children[i], itemWhat, "value");
                    ok = false;
                    continue;
                }

                if (!TryReadWireValue(valueEntry.Value, kind.Value, "'value' of " + itemWhat, out var wireText, out var wireInteger))
                {
                    ok = false;
                    continue;
                }

                if (seenValues.ContainsKey(wireText))
                {
                    Report(DiagnosticDescriptors.DuplicateValue, valueEntry.Value, wireText, what);
                    ok = false;
                    continue;
                }

                seenValues.Add(wireText, valueEntry.Value);
                var msEnum = standard.FindMsEnumValue(wireText, comparer);
                if (msEnum is not null)
                {
                    usedStandardValues.Add(msEnum);
                }

                // Name: annotation, x-ms-enum, x-enum-varnames; at most one of them; else derived.
                var nameSources = new List<(string Text, YamlNode Node, string Source)>();
                var ownName = OptionalString(item, "name", itemWhat, ref ok);
                if (ownName is not null)
                {
                    nameSources.Add((ownName, item["name"].Value, "x-contacts-status"));
                }

                if (msEnum?.Name is not null)
                {
                    nameSources.Add((msEnum.Name, msEnum.NameNode!, "x-ms-enum"));
                }

                if (standard.VarNames is { } names && i < names.Count && names[i].Value is not null)
                {
                    nameSources.Add((names[i].Value!, names[i].Node, "x-enum-varnames"));
                }

                string memberName;
                YamlNode nameNode;
                if (OneSource(nameSources, "name of value '" + wireText + "' of " + what, ref ok) is { } named)
                {
                    (memberName, nameNode) = named;
                }
                else
                {
                    memberName = kind == WireKind.Integer ? KiotaNames.MemberNameFromInteger(wireInteger) : KiotaNames.MemberNameFromString(wireText);
                    nameNode = valueEntry.Value;
                }

                if (!CheckIdentifier(memberName, "member name of value '" + wireText + "' of " + what, nameNode))
                {
                    ok = false;
                    continue;
                }

                if (!seenNames.Add(memberName))
                {
                    Report(DiagnosticDescriptors.DuplicateName, nameNode, memberName, what);
                    ok = false;
                    continue;
                }

                // Description: annotation, x-ms-enum, x-enum-descriptions; at most one of them.
                var descriptionSources = new List<(string Text, YamlNode Node, string Source)>();
                var ownDescription = OptionalString(item, "description", itemWhat, ref ok);
                if (ownDescription is not null)
                {
                    descriptionSources.Add((ownDescription, item["description"].Value, "x-contacts-status"));
                }

                if (msEnum?.Description is not null)
                {
                    descriptionSources.Add((msEnum.Description, msEnum.DescriptionNode!, "x-ms-enum"));
                }

                if (standard.Descriptions is { } texts && i < texts.Count && texts[i].Value is not null)
                {
                    descriptionSources.Add((texts[i].Value!, texts[i].Node, "x-enum-descriptions"));
                }

                var memberDescription = OneSource(descriptionSources, "description of value '" + wireText + "' of " + what, ref ok)?.Text;
                var terminal = OptionalBool(item, "terminal", itemWhat, ref ok) ?? false;
                var outcome = OptionalOutcome(item, itemWhat, ref ok);
                members.Add(new PendingMember(memberName, wireText, wireInteger, memberDescription, terminal, outcome, nameNode));
            }

            foreach (var unused in standard.MsEnumValues.Where(v => !usedStandardValues.Contains(v)))
            {
                Report(DiagnosticDescriptors.StandardExtensionConflict, unused.ValueNode,
                    "x-ms-enum of " + schemaName + "." + propertyName + " lists the value '" + unused.Value + "', which x-contacts-status does not list");
                ok = false;
            }

            if (fallback is not null && !members.Any(m => m.Name == fallback) && ok)
            {
                Report(DiagnosticDescriptors.FallbackNotMember, map["fallback"].Value, fallback, what, string.Join(", ", members.Select(m => m.Name)));
                ok = false;
            }

            // Any problem reported while reading this annotation (even an unknown key) drops it whole.
            if (!ok || _errorCount != errorsBefore || fallback is null || enumName is null || accessor is null)
            {
                return null;
            }

            // The fallback is 0, so default(T) is the fallback; the others follow in listed order.
            var next = 1;
            var modelMembers = members
                .Select(m => new StatusMemberModel(m.Name, m.Name == fallback ? 0 : next++, m.WireText, m.WireInteger, m.Description, m.Terminal, m.Outcome, m.Name == fallback))
                .ToEquatableArray();

            var model = new StatusFieldModel(
                enumName,
                accessor,
                KiotaNames.ClassName(schemaName),
                KiotaNames.PropertyName(propertyName, index.IsErrorType(schemaName)),
                schemaName + "." + propertyName,
                kind.Value,
                caseSensitive,
                description,
                modelMembers);
            return new ResolvedField(model, schemaName, propertyName, occurrence, enumNameNode!, map.TryGetValue("accessor", out var a) ? a.Value : occurrence.KeyNode);
        }

        /// <summary>
        /// What a member takes from its sources (the annotation, x-ms-enum, x-enum-varnames or
        /// x-enum-descriptions): at most one may give it; a second one is reported at its place.
        /// </summary>
        private (string Text, YamlNode Node)? OneSource(List<(string Text, YamlNode Node, string Source)> sources, string whatOfValue, ref bool ok)
        {
            if (sources.Count > 1)
            {
                Report(DiagnosticDescriptors.StandardExtensionConflict, sources[1].Node,
                    "The " + whatOfValue + " is given by both " + sources[0].Source + " and " + sources[1].Source + "; say it once");
                ok = false;
            }

            return sources.Count > 0 ? (sources[0].Text, sources[0].Node) : null;
        }

        private WireKind? CheckPropertyType(Occurrence occurrence, OpenApiSchema property, string name)
        {
            if (property.Enum is { Count: > 0 })
            {
                var enumNode = TryGetChild(occurrence.Parent, "enum", out var key, out _) ? key : (YamlNode)occurrence.KeyNode;
                Report(DiagnosticDescriptors.UnsupportedPropertyType, enumNode, name,
                    "it has enum:, which Kiota turns into a C# enum that reads unknown values as null; remove enum: and list the values in x-contacts-status");
                return null;
            }

            var typeNode = TryGetChild(occurrence.Parent, "type", out var typeKey, out _) ? typeKey : (YamlNode)occurrence.KeyNode;
            switch (property.Type)
            {
                case "string" when property.Format is null || !s_nonStringFormats.Contains(property.Format):
                    return WireKind.String;
                case "string":
                    Report(DiagnosticDescriptors.UnsupportedPropertyType, typeNode, name,
                        "format '" + property.Format + "' makes Kiota type it as something other than string");
                    return null;
                case "integer" when property.Format is null or "int32" or "int64":
                    return WireKind.Integer;
                case "integer":
                    Report(DiagnosticDescriptors.UnsupportedPropertyType, typeNode, name,
                        "integer format '" + property.Format + "' is not supported; use int32 or int64");
                    return null;
                default:
                    Report(DiagnosticDescriptors.UnsupportedPropertyType, typeNode, name,
                        "its type is " + (property.Type is null ? "not given" : "'" + property.Type + "'") + "; status values must be type: string or type: integer");
                    return null;
            }
        }

        private bool TryReadWireValue(YamlNode node, WireKind kind, string what, out string text, out long integer)
        {
            text = string.Empty;
            integer = 0;
            if (node is not YamlScalarNode scalar)
            {
                Report(DiagnosticDescriptors.InvalidValue, node, what, kind == WireKind.String ? "a string" : "an integer", Yaml.Describe(node));
                return false;
            }

            var type = Yaml.Classify(scalar);
            if (kind == WireKind.String)
            {
                if (type != ScalarType.String)
                {
                    Report(DiagnosticDescriptors.InvalidValue, node, what, "a string (the property is type: string; quote it)", Yaml.Describe(node));
                    return false;
                }

                text = scalar.Value ?? string.Empty;
                return true;
            }

            if (type != ScalarType.Integer || !Yaml.TryGetInteger(scalar, out integer))
            {
                Report(DiagnosticDescriptors.InvalidValue, node, what, "an integer (the property is type: integer)", Yaml.Describe(node));
                return false;
            }

            text = integer.ToString(CultureInfo.InvariantCulture);
            return true;
        }
    }
}
