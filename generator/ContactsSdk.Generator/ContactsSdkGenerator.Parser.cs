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
    internal sealed partial class Parser
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
        private readonly DiagnosticCollector _diagnostics;

        // Where each annotation read without error is, for problems the compilation reveals later.
        private readonly List<AnnotationAnchor> _anchors = new();

        private Parser(SpecText spec, CancellationToken cancellationToken)
        {
            _path = spec.Path;
            _text = spec.Text;
            _cancellationToken = cancellationToken;
            _diagnostics = new DiagnosticCollector(spec.Path, spec.Text);
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
                parser._diagnostics.Report(DiagnosticDescriptors.InternalError, Yaml.FileStart(spec.Path), exception.GetType().Name + ": " + exception.Message);
                model = SpecModel.Empty;
            }

            return new ParseResult(model, parser._diagnostics.ToEquatableArray(), parser._anchors.ToEquatableArray());
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
            var fields = new AnnotatedFields(new List<ResolvedField>(), new HashSet<(string Schema, string Property)>());
            foreach (var occurrence in occurrences.Where(o => o.Key == StatusKey))
            {
                _cancellationToken.ThrowIfCancellationRequested();
                if (LocateStatusProperty(occurrence, index) is not { } target)
                {
                    continue;
                }

                if (ReadStatusField(target, index) is { } field)
                {
                    fields.Resolved.Add(field);
                    _anchors.Add(new AnnotationAnchor(field.Model.EnumName, target.What, Yaml.Locate(_path, _text, occurrence.KeyNode)));
                }
                else
                {
                    // A lifecycle phase that refers to it is not reported again.
                    fields.Broken.Add((target.SchemaName, target.PropertyName));
                }
            }

            var lifecycles = new List<(LifecycleModel Model, YamlNode EnumNode)>();
            foreach (var occurrence in occurrences.Where(o => o.Key == LifecycleKey))
            {
                _cancellationToken.ThrowIfCancellationRequested();
                if (LocateLifecycleSchema(occurrence, index) is { } target && ReadLifecycle(target, index, fields) is { } lifecycle)
                {
                    lifecycles.Add(lifecycle);
                    _anchors.Add(new AnnotationAnchor(lifecycle.Model.EnumName, target.What, Yaml.Locate(_path, _text, occurrence.KeyNode)));
                }
            }

            return CheckGlobalNames(fields.Resolved, lifecycles, index);
        }

        // ---------------------------------------------------------------- YAML and OpenAPI reading

        private YamlMappingNode? LoadYaml()
        {
            // A repeated key is refused before the tree is built: SharpYaml would keep one value silently.
            var duplicates = 0;
            foreach (var problem in StrictYaml.Check(_text))
            {
                if (!problem.IsSyntaxError)
                {
                    _diagnostics.Report(DiagnosticDescriptors.DuplicateKey, Yaml.Locate(_path, _text, problem.Start, problem.End), FileName, problem.Message);
                    duplicates++;
                }
            }
            if (duplicates > 0)
            {
                return null;
            }

            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(_text));
            }
            catch (YamlException exception)
            {
                _diagnostics.Report(DiagnosticDescriptors.SpecSyntaxError, Yaml.Locate(_path, _text, exception.Start, exception.End), FileName, CleanYamlMessage(exception.Message));
                return null;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                _diagnostics.Report(DiagnosticDescriptors.SpecSyntaxError, Yaml.FileStart(_path), FileName, exception.Message);
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
                _diagnostics.Report(DiagnosticDescriptors.OpenApiReaderProblem, Yaml.FileStart(_path), exception.Message);
                return null;
            }

            foreach (var error in diagnostic.Errors.Take(MaxReaderProblems))
            {
                _diagnostics.Report(DiagnosticDescriptors.OpenApiReaderProblem, LocatePointer(root, error.Pointer), error.Message);
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
                    if (current is YamlMappingNode mapping && Yaml.TryGetChild(mapping, segment, out var key, out var value))
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

        private static bool IsNameMap(List<string> path) =>
            path.Count > 0
            && s_nameMaps.Contains(path[path.Count - 1])
            && !(path.Count > 1 && s_nameMaps.Contains(path[path.Count - 2])); // else it is a name itself (a property called "properties")

        private static string Pointer(List<string> path) =>
            "#/" + string.Join("/", path.Select(segment => segment.Replace("~", "~0").Replace("/", "~1")));

        // ---------------------------------------------------------------- private types

        private sealed record Occurrence(string Key, List<string> Path, YamlScalarNode KeyNode, YamlNode Value, YamlMappingNode Parent);

        private sealed record PendingMember(string Name, string WireText, long WireInteger, string? Description, bool Terminal, OutcomeKind Outcome, YamlNode NameNode);

        /// <summary>A status field read without error, with where its names are (for the checks across annotations).</summary>
        private sealed record ResolvedField(StatusFieldModel Model, string SchemaName, string PropertyName, YamlNode EnumNode, YamlNode AccessorNode);
    }
}
