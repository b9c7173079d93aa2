using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ContactsSdk.Erasure.Service;

/// <summary>
/// Describes <see cref="AccountId"/> as what its JSON converter reads: a MID as a number or a string of
/// digits. Without this the description generator sees a custom converter and writes an empty schema.
/// </summary>
internal sealed class AccountIdSchema : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if ((Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type) == typeof(AccountId))
        {
            schema.Type = JsonSchemaType.Integer | JsonSchemaType.String;
            schema.Format = "int64";
            schema.Pattern = "^[1-9][0-9]*$";
            schema.Description = "A business unit's MID: a positive whole number, as a number or a string of digits.";
        }

        return Task.CompletedTask;
    }
}
