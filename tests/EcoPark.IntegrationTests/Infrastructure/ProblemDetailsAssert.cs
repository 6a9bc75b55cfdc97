using System.Net;
using System.Text.Json;

namespace EcoPark.IntegrationTests.Infrastructure;

public static class ProblemDetailsAssert
{
    /// <summary>Asserts a 400 problem-details answer and returns its errors by field.</summary>
    public static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }
}
