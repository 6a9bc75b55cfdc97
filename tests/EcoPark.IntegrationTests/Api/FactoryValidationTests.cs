using System.Net;
using System.Net.Http.Json;
using EcoPark.Application.Factories;
using EcoPark.Infrastructure.Seeding;
using EcoPark.IntegrationTests.Infrastructure;

namespace EcoPark.IntegrationTests.Api;

/// <summary>Bad input gets 400 problem details naming each field, in the caller's language, and saves nothing.</summary>
[Collection(DemoAppCollection.Name)]
public sealed class FactoryValidationTests(DemoAppFixture app)
{
    [Fact]
    public async Task Register_InvalidUnifiedBusinessNumber_Returns400NamingTheFieldAndSavesNothing()
    {
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "zh-TW");
        var input = await NewFactoryInputAsync("檢查碼錯誤工廠", "12345678");
        var before = (await app.AllFactoriesAsync()).Count;

        using var response = await staff.PostAsJsonAsync("/api/v1/factories", input);

        var errors = await ProblemDetailsAssert.ErrorsAsync(response);
        Assert.Equal("統一編號檢查碼不正確，請確認號碼。", Assert.Single(errors["unifiedBusinessNumber"]));
        Assert.Equal(before, (await app.AllFactoriesAsync()).Count);
    }

    [Fact]
    public async Task Register_MissingFields_ReportsEachInEnglishWhenAsked()
    {
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "en");
        var input = await NewFactoryInputAsync(string.Empty, "04595257");
        input.Address = string.Empty;
        input.Latitude = null;

        using var response = await staff.PostAsJsonAsync("/api/v1/factories", input);

        var errors = await ProblemDetailsAssert.ErrorsAsync(response);
        Assert.Contains("Name (Chinese)", errors["nameZh"][0], StringComparison.Ordinal);
        Assert.Contains("Address", errors["address"][0], StringComparison.Ordinal);
        Assert.Contains("Latitude", errors["latitude"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_DuplicateInSamePark_Returns400AndSavesNothing()
    {
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email, "en");
        var existing = await app.FactoryNamedAsync("青溪紡織股份有限公司");
        var input = existing.ToInput();
        var before = (await app.AllFactoriesAsync()).Count;

        using var response = await staff.PostAsJsonAsync("/api/v1/factories", input);

        var errors = await ProblemDetailsAssert.ErrorsAsync(response);
        Assert.Contains("already registered at this address", errors["unifiedBusinessNumber"][0], StringComparison.Ordinal);
        Assert.Contains("already registered in this park", errors["nameZh"][0], StringComparison.Ordinal);
        Assert.Equal(before, (await app.AllFactoriesAsync()).Count);
    }

    [Fact]
    public async Task Register_ValidFactory_IsCreatedAndVisibleToStaffButNotToTheEngineer()
    {
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email);
        var input = await NewFactoryInputAsync("驗證用新工廠", "10458574");

        using var response = await staff.PostAsJsonAsync("/api/v1/factories", input);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<FactoryDto>())!;
        using var engineer = await app.SignedInAsync(DemoAccounts.Engineer.Email);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/v1/factories/{created.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await engineer.GetAsync($"/api/v1/factories/{created.Id}")).StatusCode);
    }

    [Fact]
    public async Task Update_WithStaleVersion_Returns409AndKeepsTheFirstSave()
    {
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email);
        var factory = await app.FactoryNamedAsync("新綠塑膠股份有限公司");
        var first = factory.ToInput();
        first.ContactPhone = "03-111-1111";
        var second = factory.ToInput();
        second.ContactPhone = "03-222-2222";

        using var firstResponse = await staff.PutAsJsonAsync($"/api/v1/factories/{factory.Id}", first);
        using var secondResponse = await staff.PutAsJsonAsync($"/api/v1/factories/{factory.Id}", second);

        Assert.Equal(HttpStatusCode.OK, firstResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, secondResponse.StatusCode);
        Assert.Equal("03-111-1111", (await app.FactoryNamedAsync(factory.NameZh)).ContactPhone);
    }

    [Fact]
    public async Task Register_MalformedJson_Returns400ProblemDetails()
    {
        using var staff = await app.SignedInAsync(DemoAccounts.Staff.Email);

        using var response = await staff.PostAsync("/api/v1/factories", new StringContent("{\"latitude\": \"north\"}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<FactoryInput> NewFactoryInputAsync(string nameZh, string ubn) =>
        TestFactories.Input((await app.FactoryNamedAsync("永彩染整股份有限公司")).ParkId, nameZh, ubn);
}
