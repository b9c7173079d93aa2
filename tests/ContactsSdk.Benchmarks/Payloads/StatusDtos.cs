using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContactsSdk.Benchmarks.Payloads;

// Hand-written System.Text.Json DTOs of the status response: the baseline for the Kiota models.
// Same fields and the same CLR types as the Kiota models (offset-less timestamps stay strings,
// responseDateTime is a DateTimeOffset), read with source-generated metadata.

public sealed class StatusDto
{
    [JsonPropertyName("hasErrors")] public bool? HasErrors { get; set; }
    [JsonPropertyName("requestServiceMessageID")] public string? RequestServiceMessageId { get; set; }
    [JsonPropertyName("responseDateTime")] public DateTimeOffset? ResponseDateTime { get; set; }
    [JsonPropertyName("resultMessages")] public List<ResultMessageDto>? ResultMessages { get; set; }
    [JsonPropertyName("serviceMessageID")] public string? ServiceMessageId { get; set; }
    [JsonPropertyName("operation")] public OperationDto? Operation { get; set; }
    [JsonPropertyName("operationMappings")] public List<Dictionary<string, JsonElement>>? OperationMappings { get; set; }
    [JsonPropertyName("backgroundOperationsSummary")] public List<BackgroundOperationDto>? BackgroundOperationsSummary { get; set; }
    [JsonPropertyName("numberofRestorableDays")] public int? NumberofRestorableDays { get; set; }
}

public sealed class ResultMessageDto
{
    [JsonPropertyName("resultType")] public string? ResultType { get; set; }
    [JsonPropertyName("resultClass")] public string? ResultClass { get; set; }
    [JsonPropertyName("resultCode")] public string? ResultCode { get; set; }
    [JsonPropertyName("message")] public string? Message { get; set; }
}

public sealed class BackgroundOperationDto
{
    [JsonPropertyName("backgroundOperationID")] public long? BackgroundOperationId { get; set; }
    [JsonPropertyName("createdDate")] public string? CreatedDate { get; set; }
    [JsonPropertyName("backgroundOperationStatusID")] public string? BackgroundOperationStatusId { get; set; }
}

public sealed class OperationDto
{
    [JsonPropertyName("operationID")] public long? OperationId { get; set; }
    [JsonPropertyName("contextType")] public int? ContextType { get; set; }
    [JsonPropertyName("isRestrictedForProcessing")] public bool? IsRestrictedForProcessing { get; set; }
    [JsonPropertyName("listTypeID")] public int? ListTypeId { get; set; }
    [JsonPropertyName("listIdentifier")] public string? ListIdentifier { get; set; }
    [JsonPropertyName("listKey")] public string? ListKey { get; set; }
    [JsonPropertyName("expectedListCount")] public int? ExpectedListCount { get; set; }
    [JsonPropertyName("deleteType")] public string? DeleteType { get; set; }
    [JsonPropertyName("deleteListOnCompleted")] public bool? DeleteListOnCompleted { get; set; }
    [JsonPropertyName("errorsOccurredInBatchProcess")] public bool? ErrorsOccurredInBatchProcess { get; set; }
    [JsonPropertyName("lastProcessedMilestone")] public string? LastProcessedMilestone { get; set; }
    [JsonPropertyName("eID")] public long? EId { get; set; }
    [JsonPropertyName("mID")] public long? MId { get; set; }
    [JsonPropertyName("employeeID")] public long? EmployeeId { get; set; }
    [JsonPropertyName("operationRequestID")] public string? OperationRequestId { get; set; }
    [JsonPropertyName("requestID")] public string? RequestId { get; set; }
    [JsonPropertyName("status")] public string? Status { get; set; }
    [JsonPropertyName("scheduledTime")] public string? ScheduledTime { get; set; }
    [JsonPropertyName("scheduledDate")] public string? ScheduledDate { get; set; }
    [JsonPropertyName("startDate")] public string? StartDate { get; set; }
    [JsonPropertyName("endDate")] public string? EndDate { get; set; }
    [JsonPropertyName("retryCount")] public int? RetryCount { get; set; }
    [JsonPropertyName("createdDate")] public string? CreatedDate { get; set; }
    [JsonPropertyName("createdBy")] public long? CreatedBy { get; set; }
    [JsonPropertyName("modifiedDate")] public string? ModifiedDate { get; set; }
    [JsonPropertyName("modifiedBy")] public long? ModifiedBy { get; set; }
}

[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(StatusDto))]
public sealed partial class StatusJsonContext : JsonSerializerContext
{
}
