using System.Collections.Generic;
using System.Threading.Tasks;
using ContactsSdk.Tests.Support;
using Xunit;

namespace ContactsSdk.Tests.Workflow;

/// <summary>Errors the service reports with HTTP 200 surface as errors, never as success.</summary>
public sealed class ServiceErrorTests
{
    private const string Token = """{"access_token":"t0k3n","token_type":"Bearer","expires_in":1080,"scope":"list_and_subscribers_write","rest_instance_url":"http://127.0.0.1/","soap_instance_url":"http://127.0.0.1/"}""";

    [Fact]
    public async Task The_status_of_an_unknown_operation_is_a_service_error_not_a_state()
    {
        await using var tenant = await EmulatedTenant.StartAsync();

        var error = await Assert.ThrowsAsync<ContactsServiceException>(() => tenant.Client.WaitForDeletionAsync(987654));

        Assert.Contains(error.ResultMessages, m => m.ResultClass == "Error");
        Assert.Equal(1, tenant.Emulator.Statistics.StatusRequests); // not retried: it will not get better
    }

    [Fact]
    public async Task A_delete_that_was_not_initiated_is_an_error_with_the_service_messages()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(new ScriptedResponse(200, Token));
        server.Enqueue(new ScriptedResponse(200, """
            {"operationInitiated":false,"operationID":0,"requestServiceMessageID":"a1","responseDateTime":"2019-07-26T08:31:44.4424222-06:00","hasErrors":true,
             "resultMessages":[{"resultType":"OperationResult","resultClass":"Error","resultCode":"DeleteQueueFull","message":"Another deletion is running."}],"serviceMessageID":"s1"}
            """));
        using var client = new ContactsClient(new ContactsClientOptions { EndpointOverride = server.BaseAddress, ClientId = "id", ClientSecret = "secret" });

        var error = await Assert.ThrowsAsync<ContactsServiceException>(() => client.StartDeletionByKeysAsync(new[] { "contact-1" }));

        Assert.Contains("DeleteQueueFull: Another deletion is running.", error.Message);
        Assert.Equal("s1", error.ServiceMessageId);
        Assert.Single(error.ResultMessages);
    }

    // The class is read by the accessor generated from the spec (ignoring case, as the spec's
    // annotation says), so "error" fails a request as "Error" does.
    [Theory]
    [InlineData("Error")]
    [InlineData("error")]
    [InlineData("ERROR")]
    public async Task Errors_in_result_messages_fail_even_when_the_operation_says_initiated(string resultClass)
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(new ScriptedResponse(200, Token));
        server.Enqueue(new ScriptedResponse(200, """
            {"operationInitiated":true,"operationID":12,"hasErrors":false,
             "resultMessages":[{"resultType":"Validation","resultClass":"CLASS","resultCode":"InvalidKeys","message":"2 keys are unknown."}],"serviceMessageID":"s2"}
            """.Replace("CLASS", resultClass, System.StringComparison.Ordinal)));
        using var client = new ContactsClient(new ContactsClientOptions { EndpointOverride = server.BaseAddress, ClientId = "id", ClientSecret = "secret" });

        var error = await Assert.ThrowsAsync<ContactsServiceException>(() => client.StartDeletionByKeysAsync(new[] { "contact-1" }));

        Assert.Contains("InvalidKeys", error.Message);
    }

    // Any class other than Error reads as Information (the annotation's fallback), as before.
    [Theory]
    [InlineData("Information")]
    [InlineData("Warning")]
    [InlineData("Errors")]
    public async Task Information_messages_do_not_fail_a_delete(string resultClass)
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(new ScriptedResponse(200, Token));
        server.Enqueue(new ScriptedResponse(200, """
            {"operationInitiated":true,"operationID":77,"hasErrors":false,
             "resultMessages":[{"resultType":"Note","resultClass":"CLASS","resultCode":"Queued","message":"Queued behind 1 deletion."}],"serviceMessageID":"s3"}
            """.Replace("CLASS", resultClass, System.StringComparison.Ordinal)));
        using var client = new ContactsClient(new ContactsClientOptions { EndpointOverride = server.BaseAddress, ClientId = "id", ClientSecret = "secret" });

        var started = await client.StartDeletionByKeysAsync(new[] { "contact-1" });

        Assert.Equal(77, started.OperationId);
    }
}
