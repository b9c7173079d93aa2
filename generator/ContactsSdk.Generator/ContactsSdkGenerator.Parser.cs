using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using ContactsSdk.Generator.Model;
using ContactsSdk.Generator.Parsing;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;
using SharpYaml;
using SharpYaml.Serialization;

namespace ContactsSdk.Generator;

public sealed partial class ContactsSdkGenerator
{
    /// <summary>
    /// Spec text to generation model plus diagnostics. A pure function of the text: it never reads
    /// a file or the network and never throws (except for cancellation); every problem becomes a
    /// diagnostic located in the spec.
    /// </summary>
    /// <remarks>
    /// The annotations are read from SharpYaml's node tree, which knows every node's line and column;
    /// the structure they refer to (schemas, properties, types, <c>$ref</c>, <c>allOf</c>, which
    /// schemas the routes use) comes from the document Microsoft.OpenApi.Readers builds from the same
    /// text, so that both agree with what Kiota sees.
    /// </remarks>
    internal sealed class Parser
    {
        /// <summary>The vendor extension on a status property.</summary>
        public const string StatusKey = "x-contacts-status";

        /// <summary>The vendor extension on a response schema.</summary>
        public const string LifecycleKey = "x-contacts-lifecycle";

        private const int MaxDepth = 256;
        private const int MaxReaderProblems = 20;

        private static readonly string[] s_statusKeys = { "enum", "fallback", "accessor", "caseSensitive", "description", "values" };
        private static readonly string[] s_valueKeys = { "value", "name", "description", "terminal", "outcome" };
        private static readonly string[] s_lifecycleKeys = { "enum", "phaseEnum", "result", "accessor", "description", "states", "phases" };
        private static readonly string[] s_stateKeys = { "name", "description", "terminal", "outcome" };
        private static readonly string[] s_phaseKeys = { "name", "description", "when", "status", "states" };
        private static readonly string[] s_whenKeys = { "absent", "present" };
        private static readonly string[] s_outcomes = { "inProgress", "succeeded", "cancelled", "failed" };

        // Formats with which Kiota types a string property as something other than string.
        private static readonly HashSet<string> s_nonStringFormats = new(StringComparer.OrdinalIgnoreCase)
        {
            "date-time", "date", "time", "uuid", "byte", "binary", "base64", "base64url", "duration",
        };

        // Keys whose values are data, not schema: nothing inside them is an annotation.
        private static readonly HashSet<string> s_dataKeys = new(StringComparer.Ordinal)
        {
            "example", "examples", "default", "enum", "const",
        };

        // Maps whose keys are names chosen by the spec's author rather than OpenAPI keywords.
        private static readonly HashSet<string> s_nameMaps = new(StringComparer.Ordinal)
        {
            "properties", "schemas", "responses", "parameters", "headers", "requestBodies", "securitySchemes",
            "links", "callbacks", "content", "variables", "encoding", "paths",
        };

        private readonly string _path;
        private readonly string _text;
        private readonly CancellationToken _cancellationToken;
        private readonly List<DiagnosticInfo> _diagnostics = new();

        private Parser(SpecText spec, CancellationToken cancellationToken)
        {
            _path = spec.Path;
            _text = spec.Text;
            _cancellationToken = cancellationToken;
        }

        /// <summary>Parses one spec.</summary>
        public static ParseResult Parse(SpecText spec, CancellationToken cancellationToken)
        {
            var parser = new Parser(spec, cancellationToken);
            SpecModel model;
            try
            {
                model = parser.Run();
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception exception)
            {
                parser._diagnostics.Add(new DiagnosticInfo(
                    DiagnosticDescriptors.InternalError.Id,
                    Yaml.FileStart(spec.Path),
                    new EquatableArray<string>(new[] { exception.GetType().Name + ": " + exception.Message })));
                model = SpecModel.Empty;
            }

            return new ParseResult(model, parser._diagnostics.ToEquatableArray());
        }

        private SpecModel Run()
        {
            var root = LoadYaml();
            if (root is null)
            {
                return SpecModel.Empty;
            }

            var occurrences = new List<Occurrence>();
            FindAnnotations(root, new List<string>(), new HashSet<YamlNode>(), occurrences, 0);
            if (occurrences.Count == 0)
            {
                return SpecModel.Empty;
            }

            _cancellationToken.ThrowIfCancellationRequested();
            var document = ReadOpenApi(root);
            if (document is null)
            {
                return SpecModel.Empty;
            }

            var index = new SchemaIndex(document);
            var fields = new List<ResolvedField>();
            var brokenFields = new HashSet<(string Schema, string Property)>();
            foreach (var occurrence in occurrences.Where(o => o.Key == StatusKey))
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var field = ReadStatusField(occurrence, index, out var target);
                if (field is not null)
                {
                    fields.Add(field);
                }
                else if (target is not null)
                {
                    brokenFields.Add(target.Value);
                }
            }

            var lifecycles = new List<(LifecycleModel Model, YamlNode EnumNode)>();
            foreach (var occurrence in occurrences.Where(o => o.Key == LifecycleKey))
            {
                _cancellationToken.ThrowIfCancellationRequested();
                if (ReadLifecycle(occurrence, index, fields, brokenFields) is { } lifecycle)
                {
                    lifecycles.Add(lifecycle);
                }
            }

            return CheckGlobalNames(fields, lifecycles, index);
        }

        // ---------------------------------------------------------------- YAML and OpenAPI reading

        private YamlMappingNode? LoadYaml()
        {
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(_text));
            }
            catch (YamlException exception)
            {
                Report(DiagnosticDescriptors.SpecSyntaxError, Yaml.Locate(_path, _text, exception.Start, exception.End), FileName, CleanYamlMessage(exception.Message));
                return null;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Report(DiagnosticDescriptors.SpecSyntaxError, Yaml.FileStart(_path), FileName, exception.Message);
                return null;
            }

            return stream.Documents.Count > 0 ? stream.Documents[0].RootNode as YamlMappingNode : null;
        }

        private OpenApiDocument? ReadOpenApi(YamlMappingNode root)
        {
            OpenApiDocument? document;
            OpenApiDiagnostic diagnostic;
            try
            {
                var settings = new OpenApiReaderSettings
                {
                    // Local references only: the generator must never reach for a file or the network.
                    ReferenceResolution = ReferenceResolutionSetting.ResolveLocalReferences,
                    LoadExternalRefs = false,
                };
                document = new OpenApiStringReader(settings).Read(_text, out diagnostic);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Report(DiagnosticDescriptors.OpenApiReaderProblem, Yaml.FileStart(_path), exception.Message);
                return null;
            }

            foreach (var error in diagnostic.Errors.Take(MaxReaderProblems))
            {
                Report(DiagnosticDescriptors.OpenApiReaderProblem, LocatePointer(root, error.Pointer), error.Message);
            }

            return document;
        }

        private static string CleanYamlMessage(string message)
        {
            // SharpYaml prefixes its messages with the marks, which the location already gives.
            var colon = message.IndexOf("): ", StringComparison.Ordinal);
            return colon >= 0 && message.StartsWith("(", StringComparison.Ordinal) ? message.Substring(colon + 3) : message;
        }

        private string FileName => Path.GetFileName(_path);

        /// <summary>Maps a JSON pointer of the reader (<c>#/components/schemas/X</c>) to the YAML node it names.</summary>
        private LocationInfo LocatePointer(YamlMappingNode root, string? pointer)
        {
            YamlNode best = root;
            YamlNode? bestKey = null;
            if (!string.IsNullOrEmpty(pointer))
            {
                var segments = pointer!.TrimStart('#').Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
                YamlNode current = root;
                foreach (var raw in segments)
                {
                    var segment = raw.Replace("~1", "/").Replace("~0", "~");
                    if (current is YamlMappingNode mapping && TryGetChild(mapping, segment, out var key, out var value))
                    {
                        bestKey = key;
                        current = value;
                    }
                    else if (current is YamlSequenceNode sequence
                        && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i)
                        && i < sequence.Children.Count)
                    {
                        bestKey = null;
                        current = sequence.Children[i];
                    }
                    else
                    {
                        break;
                    }

                    best = current;
                }
            }

            return bestKey is not null ? Yaml.Locate(_path, _text, bestKey) : best == root ? Yaml.FileStart(_path) : Yaml.Locate(_path, _text, best);
        }

        private void FindAnnotations(YamlNode node, List<string> path, HashSet<YamlNode> visited, List<Occurrence> found, int depth)
        {
            if (depth > MaxDepth || !visited.Add(node))
            {
                return;
            }

            switch (node)
            {
                case YamlMappingNode mapping:
                    foreach (var child in mapping.Children)
                    {
                        if (child.Key is not YamlScalarNode key || key.Value is null)
                        {
                            continue;
                        }

                        if (key.Value is StatusKey or LifecycleKey)
                        {
                            found.Add(new Occurrence(key.Value, new List<string>(path), key, child.Value, mapping));
                            continue;
                        }

                        // Inside a map keyed by names (properties, schemas...), "example" or "x-id" is a name, not a keyword.
                        if (!IsNameMap(path) && (s_dataKeys.Contains(key.Value) || key.Value.StartsWith("x-", StringComparison.Ordinal)))
                        {
                            continue;
                        }

                        path.Add(key.Value);
                        FindAnnotations(child.Value, path, visited, found, depth + 1);
                        path.RemoveAt(path.Count - 1);
                    }

                    break;
                case YamlSequenceNode sequence:
                    for (var i = 0; i < sequence.Children.Count; i++)
                    {
                        path.Add(i.ToString(CultureInfo.InvariantCulture));
                        FindAnnotations(sequence.Children[i], path, visited, found, depth + 1);
                        path.RemoveAt(path.Count - 1);
                    }

                    break;
            }
        }

        // ---------------------------------------------------------------- x-contacts-status

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
            var errorsBefore = ErrorCount;
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

            if (!map.TryGetValue("values", out var valuesEntry))
            {
                Report(DiagnosticDescriptors.MissingKey, occurrence.KeyNode, what, "values");
                return null;
            }

            if (valuesEntry.Value is not YamlSequenceNode valuesNode || valuesNode.Children.Count == 0)
            {
                Report(DiagnosticDescriptors.InvalidValue, valuesEntry.Value, "'values' of " + what, "a non-empty list", Yaml.Describe(valuesEntry.Value));
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
                var nameSources = new List<(string Name, YamlNode Node, string Source)>();
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

                if (nameSources.Count > 1)
                {
                    Report(DiagnosticDescriptors.StandardExtensionConflict, nameSources[1].Node,
                        "The name of value '" + wireText + "' of " + what + " is given by both " + nameSources[0].Source + " and " + nameSources[1].Source + "; say it once");
                    ok = false;
                }

                string memberName;
                YamlNode nameNode;
                if (nameSources.Count > 0)
                {
                    memberName = nameSources[0].Name;
                    nameNode = nameSources[0].Node;
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

                if (descriptionSources.Count > 1)
                {
                    Report(DiagnosticDescriptors.StandardExtensionConflict, descriptionSources[1].Node,
                        "The description of value '" + wireText + "' of " + what + " is given by both " + descriptionSources[0].Source + " and " + descriptionSources[1].Source + "; say it once");
                    ok = false;
                }

                var terminal = OptionalBool(item, "terminal", itemWhat, ref ok) ?? false;
                var outcome = OptionalOutcome(item, itemWhat, ref ok);
                members.Add(new PendingMember(memberName, wireText, wireInteger, descriptionSources.Count > 0 ? descriptionSources[0].Text : null, terminal, outcome, nameNode));
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
            if (!ok || ErrorCount != errorsBefore || fallback is null || enumName is null || accessor is null)
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

        // ---------------------------------------------------------------- x-contacts-lifecycle

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

            var errorsBefore = ErrorCount;
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
            if (!map.TryGetValue("states", out var statesEntry))
            {
                Report(DiagnosticDescriptors.MissingKey, occurrence.KeyNode, what, "states");
                ok = false;
            }
            else if (statesEntry.Value is not YamlSequenceNode statesNode || statesNode.Children.Count == 0)
            {
                Report(DiagnosticDescriptors.InvalidValue, statesEntry.Value, "'states' of " + what, "a non-empty list", Yaml.Describe(statesEntry.Value));
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
            if (!map.TryGetValue("phases", out var phasesEntry))
            {
                Report(DiagnosticDescriptors.MissingKey, occurrence.KeyNode, what, "phases");
                ok = false;
            }
            else if (phasesEntry.Value is not YamlSequenceNode phasesNode || phasesNode.Children.Count == 0)
            {
                Report(DiagnosticDescriptors.InvalidValue, phasesEntry.Value, "'phases' of " + what, "a non-empty list", Yaml.Describe(phasesEntry.Value));
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

            if (!ok || ErrorCount != errorsBefore || enumName is null || phaseEnum is null || result is null || accessor is null)
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
            var crosses = false;
            var elementClass = string.Empty;
            if (statusPath is not null)
            {
                field = ResolveStatusPath(statusPath, item["status"].Value, label, lifecycleWhat, schemaName, schema, index, fields, brokenFields, before, after, out crosses, out elementClass, ref ok);
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
                crosses,
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

            var covering = earlier
                .Where(p => p.WhenPresent)
                .Select(p => (Present: p, Absent: earlier.FirstOrDefault(q => !q.WhenPresent && q.ConditionProperty == p.ConditionProperty)))
                .FirstOrDefault(pair => pair.Absent is not null);
            if (covering.Absent is not null)
            {
                Report(DiagnosticDescriptors.UnreachablePhase, whenNode, name, lifecycleWhat,
                    "phases '" + covering.Absent.Name + "' and '" + covering.Present.Name + "' together apply to every response ("
                    + covering.Present.ConditionJsonName + " absent or present)");
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
            out bool crosses,
            out string elementClass,
            ref bool ok)
        {
            crosses = false;
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

        // ---------------------------------------------------------------- typed readers

        private Dictionary<string, (YamlScalarNode Key, YamlNode Value)>? ReadMapping(YamlNode node, string what, string[] knownKeys, YamlNode locationIfWrong)
        {
            if (node is not YamlMappingNode mapping)
            {
                Report(DiagnosticDescriptors.InvalidValue, node is YamlScalarNode ? node : locationIfWrong, what, "a mapping", Yaml.Describe(node));
                return null;
            }

            var result = new Dictionary<string, (YamlScalarNode, YamlNode)>(StringComparer.Ordinal);
            foreach (var child in mapping.Children)
            {
                if (child.Key is not YamlScalarNode key || key.Value is null || Yaml.Classify(key) == ScalarType.Null)
                {
                    Report(DiagnosticDescriptors.InvalidValue, child.Key, "a key of " + what, "a plain name", Yaml.Describe(child.Key));
                    continue;
                }

                if (Array.IndexOf(knownKeys, key.Value) < 0)
                {
                    Report(DiagnosticDescriptors.UnknownKey, key, key.Value, what, string.Join(", ", knownKeys));
                    continue;
                }

                result[key.Value] = (key, child.Value);
            }

            return result;
        }

        private string? StringValue(YamlNode node, string what, ref bool ok)
        {
            if (node is YamlScalarNode scalar && Yaml.Classify(scalar) == ScalarType.String)
            {
                return scalar.Value;
            }

            Report(DiagnosticDescriptors.InvalidValue, node, what, "a string", Yaml.Describe(node));
            ok = false;
            return null;
        }

        private string? OptionalString(Dictionary<string, (YamlScalarNode Key, YamlNode Value)> map, string key, string what, ref bool ok) =>
            map.TryGetValue(key, out var entry) ? StringValue(entry.Value, "'" + key + "' of " + what, ref ok) : null;

        private bool? OptionalBool(Dictionary<string, (YamlScalarNode Key, YamlNode Value)> map, string key, string what, ref bool ok)
        {
            if (!map.TryGetValue(key, out var entry))
            {
                return null;
            }

            if (entry.Value is YamlScalarNode scalar && Yaml.Classify(scalar) == ScalarType.Boolean)
            {
                return string.Equals(scalar.Value, "true", StringComparison.OrdinalIgnoreCase);
            }

            Report(DiagnosticDescriptors.InvalidValue, entry.Value, "'" + key + "' of " + what, "true or false", Yaml.Describe(entry.Value));
            ok = false;
            return null;
        }

        private OutcomeKind OptionalOutcome(Dictionary<string, (YamlScalarNode Key, YamlNode Value)> map, string what, ref bool ok)
        {
            if (!map.TryGetValue("outcome", out var entry))
            {
                return OutcomeKind.InProgress;
            }

            if (entry.Value is YamlScalarNode scalar && Yaml.Classify(scalar) == ScalarType.String)
            {
                var position = Array.FindIndex(s_outcomes, o => string.Equals(o, scalar.Value, StringComparison.OrdinalIgnoreCase));
                if (position >= 0)
                {
                    return (OutcomeKind)position;
                }
            }

            Report(DiagnosticDescriptors.InvalidValue, entry.Value, "'outcome' of " + what, "one of " + string.Join(", ", s_outcomes), Yaml.Describe(entry.Value));
            ok = false;
            return OutcomeKind.InProgress;
        }

        private string? RequiredIdentifier(Dictionary<string, (YamlScalarNode Key, YamlNode Value)> map, string key, string what, YamlNode ownerNode, ref bool ok)
        {
            if (!map.ContainsKey(key))
            {
                Report(DiagnosticDescriptors.MissingKey, ownerNode, what, key);
                ok = false;
                return null;
            }

            return OptionalIdentifier(map, key, what, ref ok);
        }

        private string? OptionalIdentifier(Dictionary<string, (YamlScalarNode Key, YamlNode Value)> map, string key, string what, ref bool ok)
        {
            var value = OptionalString(map, key, what, ref ok);
            if (value is not null && !CheckIdentifier(value, "'" + key + "' of " + what, map[key].Value))
            {
                ok = false;
                return null;
            }

            return value;
        }

        private bool CheckIdentifier(string name, string what, YamlNode node)
        {
            if (KiotaNames.IsValidIdentifier(name))
            {
                return true;
            }

            Report(DiagnosticDescriptors.InvalidIdentifier, node, name, what);
            return false;
        }

        internal void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, YamlNode node, params string[] arguments) =>
            Report(descriptor, Yaml.Locate(_path, _text, node), arguments);

        /// <summary>Errors reported so far: an annotation with an error is not generated; a warning does not stop it.</summary>
        private int ErrorCount => _diagnostics.Count(d => DiagnosticDescriptors.ById[d.Id].DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);

        private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, LocationInfo location, params string[] arguments) =>
            _diagnostics.Add(new DiagnosticInfo(descriptor.Id, location, new EquatableArray<string>(arguments)));

        private static bool IsNameMap(List<string> path) =>
            path.Count > 0
            && s_nameMaps.Contains(path[path.Count - 1])
            && !(path.Count > 1 && s_nameMaps.Contains(path[path.Count - 2])); // else it is a name itself (a property called "properties")

        private static string Pointer(List<string> path) =>
            "#/" + string.Join("/", path.Select(segment => segment.Replace("~", "~0").Replace("/", "~1")));

        internal static bool TryGetChild(YamlMappingNode mapping, string name, out YamlNode key, out YamlNode value)
        {
            foreach (var child in mapping.Children)
            {
                if (child.Key is YamlScalarNode scalar && scalar.Value == name)
                {
                    key = child.Key;
                    value = child.Value;
                    return true;
                }
            }

            key = null!;
            value = null!;
            return false;
        }

        // ---------------------------------------------------------------- private types

        private sealed record Occurrence(string Key, List<string> Path, YamlScalarNode KeyNode, YamlNode Value, YamlMappingNode Parent);

        private sealed record PendingMember(string Name, string WireText, long WireInteger, string? Description, bool Terminal, OutcomeKind Outcome, YamlNode NameNode);

        private sealed record ResolvedField(StatusFieldModel Model, string SchemaName, string PropertyName, Occurrence Occurrence, YamlNode EnumNode, YamlNode AccessorNode);
    }
}
