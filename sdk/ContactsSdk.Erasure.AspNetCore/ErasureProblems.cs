using System;
using System.Collections.Generic;
using ContactsSdk.Erasure.Storage;
using Microsoft.AspNetCore.Http;

namespace ContactsSdk.Erasure.AspNetCore;

/// <summary>
/// Turns the erasure service's exceptions into RFC 9457 problem details: bad input 400, an unknown
/// request ID 404, a state that forbids the action 409, an unreachable ledger 503. The messages name
/// request IDs and options, never subjects (the service's messages never hold one).
/// </summary>
internal static class ErasureProblems
{
    public static IResult? Of(Exception exception) => exception switch
    {
        ErasureNotFoundException e => Results.Problem(e.Message, statusCode: StatusCodes.Status404NotFound, title: "No such erasure"),
        ArgumentException e => Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid"),
        NotSupportedException e => Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest, title: "Not supported by this service"),
        InvalidOperationException e => Results.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "Not possible in the erasure's state"),
        ErasureLedgerException e => Results.Problem(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "The ledger is unavailable"),
        _ => null,
    };

    public static IResult BadRequest(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid");
}
