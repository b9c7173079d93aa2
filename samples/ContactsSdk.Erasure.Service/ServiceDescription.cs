using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ContactsSdk.Erasure.Service;

/// <summary>
/// What the generated OpenAPI description cannot know from the endpoints: the service's name, its
/// licence, and that every operation needs the API key. The server is the relative "/": the description
/// is committed, and each deployment has its own address.
/// </summary>
internal sealed class ServiceDescription : IOpenApiDocumentTransformer
{
    private const string Scheme = "ApiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "ContactsSdk erasure service",
            Version = "1",
            Description = "Submit, follow and prove Salesforce Marketing Cloud contact erasures. Every operation needs an API key in X-Api-Key; errors are RFC 9457 problem details.",
            License = new OpenApiLicense { Name = "MIT", Identifier = "MIT" },
        };
        document.Servers = [new OpenApiServer { Url = "/", Description = "The deployment's own address." }];
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            tag.Description ??= tag.Name == "Erasures" ? "Erasures of Marketing Cloud contacts and the evidence of their ledger." : null;
        }
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [Scheme] = new OpenApiSecurityScheme { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = ApiKeyAuthenticationHandler.Header },
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, document)] = [] }];
        return Task.CompletedTask;
    }
}
