using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace ContactsSdk.Benchmarks.Generator;

/// <summary>
/// A large spec of the same style as the real one: <c>paths</c> routes, each returning its own
/// component schema with two annotated status fields (a string one and an integer one), a
/// lifecycle on every tenth schema, descriptions and a flow-style example on every route.
/// </summary>
internal static class SyntheticSpec
{
    public static string Create(int paths)
    {
        var text = new StringBuilder();
        text.Append("""
            openapi: 3.0.3
            info:
              title: Synthetic status API
              version: '1.0'
              description: Generated for the generator benchmark; every route returns a status schema.
            servers:
              - url: https://example.invalid
            paths:

            """);
        for (var i = 0; i < paths; i++)
        {
            var n = Number(i);
            text.Append($$"""
                  /synthetic/v1/resources{{n}}/status:
                    get:
                      operationId: getResource{{n}}Status
                      summary: Reads the status of resource {{n}}.
                      parameters:
                        - name: id
                          in: query
                          required: true
                          description: ID of the resource.
                          schema:
                            type: integer
                            format: int64
                      responses:
                        '200':
                          description: The status of the resource.
                          content:
                            application/json:
                              schema:
                                $ref: '#/components/schemas/Resource{{n}}Status'
                              examples:
                                working:
                                  summary: A resource still working.
                                  value: {"id": {{i}}, "name": "resource {{n}}", "state": "Working", "stepCode": 1, "updated": "2019-07-02T14:24:48.013"}

                """);
        }

        text.Append("""
            components:
              schemas:

            """);
        for (var i = 0; i < paths; i++)
        {
            var n = Number(i);
            text.Append($$"""
                    Resource{{n}}Status:
                      type: object
                      description: Status of resource {{n}}.

                """);
            if (i % 10 == 0)
            {
                text.Append($$"""
                          x-contacts-lifecycle:
                            enum: Resource{{n}}Lifecycle
                            description: Where resource {{n}} stands.
                            states:
                              - name: Running
                                description: Still running.
                              - {name: Done, terminal: true, outcome: succeeded, description: Finished.}
                              - {name: Broken, terminal: true, outcome: failed, description: Failed for good.}
                            phases:
                              - name: Main
                                description: The only phase.
                                when: {present: state}
                                status: state
                                states: {Waiting: Running, Working: Running, Finished: Done, Failed: Broken}

                    """);
            }
            text.Append($$"""
                      properties:
                        id:
                          type: integer
                          format: int64
                          description: ID of the resource.
                        name:
                          type: string
                          description: Name of the resource.
                        updated:
                          type: string
                          description: Last change, local time without an offset.
                        state:
                          type: string
                          description: What the resource is doing.
                          x-contacts-status:
                            enum: Resource{{n}}State
                            fallback: Waiting
                            description: What resource {{n}} is doing; unknown values read as Waiting.
                            values:
                              - value: Waiting
                                description: Not started (also every value not listed here).
                              - value: Working
                                description: Started.
                              - value: Finished
                                description: Done.
                                terminal: true
                                outcome: succeeded
                              - value: Failed
                                description: Failed for good.
                                terminal: true
                                outcome: failed
                        stepCode:
                          type: integer
                          format: int32
                          description: Numeric step of the resource.
                          x-contacts-status:
                            enum: Resource{{n}}Step
                            fallback: Queued
                            values:
                              - {value: 0, name: Queued, description: Queued.}
                              - {value: 1, name: Running, description: Running.}
                              - {value: 5, name: Done, terminal: true, outcome: succeeded, description: Done.}
                              - {value: 7, name: Crashed, terminal: true, outcome: failed, description: Crashed.}

                """);
        }
        return text.ToString();
    }

    /// <summary>The Kiota models of <see cref="Create"/>'s schemas (the properties the generated code reads).</summary>
    public static IReadOnlyList<string> Models(int paths) =>
        Enumerable.Range(0, paths).Select(i => $$"""
            namespace ContactsSdk.Models
            {
                public partial class Resource{{Number(i)}}Status
                {
                    public long? Id { get; set; }
                    public string? Name { get; set; }
                    public string? Updated { get; set; }
                    public string? State { get; set; }
                    public int? StepCode { get; set; }
                }
            }
            """).ToList();

    private static string Number(int i) => i.ToString("D3", CultureInfo.InvariantCulture);
}
