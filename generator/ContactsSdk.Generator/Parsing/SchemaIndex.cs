using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Microsoft.OpenApi.Models;

namespace ContactsSdk.Generator.Parsing;

/// <summary>A property found on a schema, with the component schema whose Kiota class declares it.</summary>
internal sealed record FoundProperty(OpenApiSchema Schema, string DeclaringSchema);

/// <summary>
/// What Kiota will generate from the document Microsoft.OpenApi.Readers read: which component
/// schemas become model classes (object schemas that some route uses, directly or through other
/// schemas), which of them are error types, and where a property is declared.
/// </summary>
internal sealed class SchemaIndex
{
    private const int MaxDepth = 64;
    private readonly IDictionary<string, OpenApiSchema> _schemas;
    private readonly HashSet<string> _reachable = new(StringComparer.Ordinal);
    private readonly HashSet<string> _errorTypes = new(StringComparer.Ordinal);

    public SchemaIndex(OpenApiDocument document)
    {
        _schemas = document.Components?.Schemas ?? new Dictionary<string, OpenApiSchema>();
        var visited = new HashSet<OpenApiSchema>();
        foreach (var pathItem in document.Paths?.Values ?? Enumerable.Empty<OpenApiPathItem>())
        {
            if (pathItem is null)
            {
                continue;
            }

            foreach (var parameter in pathItem.Parameters ?? Enumerable.Empty<OpenApiParameter>())
            {
                Visit(parameter?.Schema, visited, 0);
            }

            foreach (var operation in pathItem.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            {
                if (operation is null)
                {
                    continue;
                }

                foreach (var parameter in operation.Parameters ?? Enumerable.Empty<OpenApiParameter>())
                {
                    Visit(parameter?.Schema, visited, 0);
                }

                foreach (var media in operation.RequestBody?.Content?.Values ?? Enumerable.Empty<OpenApiMediaType>())
                {
                    Visit(media?.Schema, visited, 0);
                }

                foreach (var response in operation.Responses ?? new OpenApiResponses())
                {
                    var isError = response.Key.StartsWith("4", StringComparison.Ordinal) || response.Key.StartsWith("5", StringComparison.Ordinal);
                    foreach (var media in response.Value?.Content?.Values ?? Enumerable.Empty<OpenApiMediaType>())
                    {
                        Visit(media?.Schema, visited, 0);
                        if (isError && media?.Schema?.Reference?.Id is { } id)
                        {
                            _errorTypes.Add(id);
                        }
                    }
                }
            }
        }
    }

    /// <summary>Whether Kiota makes a model class of the component schema <paramref name="name"/>.</summary>
    public bool TryGetModelSchema(string name, [NotNullWhen(true)] out OpenApiSchema? schema, out string whyNot)
    {
        if (!_schemas.TryGetValue(name, out schema) || schema is null)
        {
            whyNot = "the OpenAPI reader finds no component schema '" + name + "'";
            schema = null;
            return false;
        }

        if (!IsObject(schema))
        {
            whyNot = "'" + name + "' is not an object schema, so Kiota generates no class for it";
            schema = null;
            return false;
        }

        if (!_reachable.Contains(name))
        {
            whyNot = "no route uses '" + name + "', so Kiota generates no class for it";
            schema = null;
            return false;
        }

        whyNot = string.Empty;
        return true;
    }

    /// <summary>The component schemas Kiota makes model classes of.</summary>
    public IEnumerable<string> ModelSchemaNames =>
        _reachable.Where(name => _schemas.TryGetValue(name, out var schema) && schema is not null && IsObject(schema)).OrderBy(n => n, StringComparer.Ordinal);

    /// <summary>Whether the schema is used as an error response (Kiota derives its class from ApiException).</summary>
    public bool IsErrorType(string name) => _errorTypes.Contains(name);

    /// <summary>Finds a property on a schema, its inline allOf members and the schemas it extends.</summary>
    public FoundProperty? FindProperty(OpenApiSchema schema, string schemaName, string jsonName) =>
        FindProperty(schema, schemaName, jsonName, 0);

    private FoundProperty? FindProperty(OpenApiSchema schema, string schemaName, string jsonName, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        if (schema.Properties != null && schema.Properties.TryGetValue(jsonName, out var property) && property is not null)
        {
            return new FoundProperty(property, schemaName);
        }

        foreach (var member in schema.AllOf ?? Enumerable.Empty<OpenApiSchema>())
        {
            if (member is null)
            {
                continue;
            }

            var found = FindProperty(member, member.Reference?.Id ?? schemaName, jsonName, depth + 1);
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    private static bool IsObject(OpenApiSchema schema) =>
        schema.Type == "object" || schema.Properties is { Count: > 0 } || schema.AllOf is { Count: > 0 };

    private void Visit(OpenApiSchema? schema, HashSet<OpenApiSchema> visited, int depth)
    {
        if (schema is null || depth > MaxDepth || !visited.Add(schema))
        {
            return;
        }

        if (schema.Reference is { IsExternal: false, Id: { } id })
        {
            _reachable.Add(id);
        }

        foreach (var property in schema.Properties?.Values ?? Enumerable.Empty<OpenApiSchema>())
        {
            Visit(property, visited, depth + 1);
        }

        Visit(schema.Items, visited, depth + 1);
        Visit(schema.AdditionalProperties, visited, depth + 1);
        Visit(schema.Not, visited, depth + 1);
        foreach (var member in (schema.AllOf ?? Enumerable.Empty<OpenApiSchema>())
            .Concat(schema.OneOf ?? Enumerable.Empty<OpenApiSchema>())
            .Concat(schema.AnyOf ?? Enumerable.Empty<OpenApiSchema>()))
        {
            Visit(member, visited, depth + 1);
        }
    }
}
