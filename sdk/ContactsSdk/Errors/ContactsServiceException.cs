using System;
using System.Collections.Generic;
using System.Linq;
using ContactsSdk.Models;

namespace ContactsSdk;

/// <summary>
/// The Contacts service refused or failed a request while answering HTTP 200: its
/// <c>resultMessages</c> hold errors, or it did not initiate the operation. Such answers are never
/// reported as success. <see cref="ContactsSdkException.ResultCodes"/> holds the errors' result codes
/// and <see cref="ContactsSdkException.ServiceMessageId"/> the answer's service message ID.
/// </summary>
public sealed class ContactsServiceException : ContactsSdkException
{
    /// <summary>Creates the exception from the service's messages.</summary>
    public ContactsServiceException(string message, IReadOnlyList<ResultMessage> resultMessages, string? serviceMessageId)
        : base(message)
    {
        ArgumentNullException.ThrowIfNull(resultMessages);
        ResultMessages = resultMessages;
        ServiceMessageId = serviceMessageId;
        StatusCode = 200;
        ResultCodes = resultMessages.Where(IsError).Select(m => m.ResultCode).OfType<string>().ToArray();
    }

    /// <summary>Every message the service returned (errors and information).</summary>
    public IReadOnlyList<ResultMessage> ResultMessages { get; }

    /// <summary>Whether <paramref name="response"/> carries service errors; allocates nothing (it runs on every response).</summary>
    internal static bool HasFailed(ServiceResponse response, bool? operationInitiated = null)
    {
        if (response.HasErrors == true || operationInitiated == false)
        {
            return true;
        }
        if (response.ResultMessages is { } messages)
        {
            foreach (var message in messages)
            {
                if (IsError(message))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>Throws when <paramref name="response"/> carries service errors.</summary>
    internal static void ThrowIfFailed(ServiceResponse response, string action, bool? operationInitiated = null)
    {
        if (!HasFailed(response, operationInitiated))
        {
            return;
        }
        var messages = response.ResultMessages ?? new List<ResultMessage>();
        var errors = messages.Where(IsError).ToList();
        var detail = errors.Count == 0
            ? (operationInitiated == false ? "the operation was not initiated" : "hasErrors is true")
            : string.Join("; ", errors.Select(Describe));
        throw new ContactsServiceException($"{action} failed: {detail}.", messages, response.ServiceMessageID);
    }

    // The class is read by the accessor generated from the spec's annotation of resultClass.
    private static bool IsError(ResultMessage message) => message.GetResultClass() == ResultMessageClass.Error;

    private static string Describe(ResultMessage message) =>
        $"{message.ResultCode ?? message.ResultType ?? "error"}: {message.Message}";
}
