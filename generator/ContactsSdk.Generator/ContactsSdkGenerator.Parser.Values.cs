using System;
using System.Collections.Generic;
using ContactsSdk.Generator.Model;
using ContactsSdk.Generator.Parsing;
using SharpYaml.Serialization;

namespace ContactsSdk.Generator;

public sealed partial class ContactsSdkGenerator
{
    /// <summary>Typed readers of annotation values: each reports a located diagnostic for a value of the wrong kind.</summary>
    internal sealed partial class Parser
    {
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

        /// <summary>
        /// A required non-empty list: a missing key is reported at <paramref name="ownerNode"/>, any
        /// other value at itself.
        /// </summary>
        private YamlSequenceNode? RequiredList(Dictionary<string, (YamlScalarNode Key, YamlNode Value)> map, string key, string what, YamlNode ownerNode)
        {
            if (!map.TryGetValue(key, out var entry))
            {
                Report(DiagnosticDescriptors.MissingKey, ownerNode, what, key);
                return null;
            }

            if (entry.Value is not YamlSequenceNode list || list.Children.Count == 0)
            {
                Report(DiagnosticDescriptors.InvalidValue, entry.Value, "'" + key + "' of " + what, "a non-empty list", Yaml.Describe(entry.Value));
                return null;
            }

            return list;
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
    }
}
