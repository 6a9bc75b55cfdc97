using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace EcoPark.EndToEndTests;

/// <summary>Each role signs in through the real sign-in page and lands on its own home page.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class SignInAndHomeTests(AppUnderTest app)
{
    private const string Password = "EcoPark#Demo2026";

    [Theory]
    [InlineData("admin@demo.ecopark.tw", "系統管理首頁", 8, 17)]
    // eight parks: the two demo parks and the six of the screening briefing (which hold no factories)
    [InlineData("staff@demo.ecopark.tw", "園區服務中心首頁", 1, 14)]
    [InlineData("engineer@demo.ecopark.tw", "工廠工程師首頁", 1, 1)]
    [InlineData("auditor@demo.ecopark.tw", "耗水費稽核首頁", 8, 17)]
    public async Task SignIn_AsRole_ShowsThatRolesHomeWithOnlyVisibleParksAndFactories(string email, string heading, int parks, int factories)
    {
        var page = await app.SignInAsync(email, Password);

        await Assertions.Expect(page.GetByTestId("home-heading")).ToHaveTextAsync(heading);
        await Assertions.Expect(page.GetByTestId("park-card")).ToHaveCountAsync(parks);
        await Assertions.Expect(page.GetByTestId("home-factory")).ToHaveCountAsync(factories);
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync(email);
        await AppUnderTest.ScreenshotAsync(page, "home-" + email.Split('@')[0]);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SignIn_AsEngineer_SeesOnlyOwnFactoryOnTheFactoriesPage()
    {
        var page = await app.SignInAsync("engineer@demo.ecopark.tw", Password);
        await Assertions.Expect(page.GetByTestId("home-heading")).ToBeVisibleAsync();

        await page.GotoAsync("/factories");

        await Assertions.Expect(page.GetByTestId("factory-name")).ToHaveTextAsync(["永彩染整股份有限公司"]);
        await Assertions.Expect(page.GetByTestId("register-factory")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsOneGenericMessage()
    {
        var page = await app.SignInAsync("staff@demo.ecopark.tw", "Not#TheRightOne1");

        await Assertions.Expect(page.GetByTestId("login-error")).ToHaveTextAsync("電子郵件或密碼不正確，或帳號暫時鎖定。");
        Assert.EndsWith("/account/login", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ApiReference_RendersUnderTheContentSecurityPolicy_WithNoRefusedScript()
    {
        var page = await app.NewPageAsync();
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                refused.Add(message.Text);
            }
        };

        await page.GotoAsync("/api-docs/");

        await Assertions.Expect(page.GetByText("EcoPark.Web | v1").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByText("Screening").First).ToBeVisibleAsync();
        Assert.Empty(refused);
        await AppUnderTest.ScreenshotAsync(page, "api-reference");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AnonymousVisit_RedirectsToSignIn_InTraditionalChineseByDefault()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/factories");

        await Assertions.Expect(page).ToHaveURLAsync(SignInUrl());
        await Assertions.Expect(page.Locator("#sign-in")).ToHaveTextAsync("登入");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Engineer_OpeningTheAdministratorPage_IsDenied()
    {
        var page = await app.SignInAsync("engineer@demo.ecopark.tw", Password);
        await Assertions.Expect(page.GetByTestId("home-heading")).ToBeVisibleAsync();

        await page.GotoAsync("/admin/users");

        await Assertions.Expect(page.GetByText("您沒有開啟此頁面的權限。")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("create-user")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SwitchToEnglish_IsRememberedForTheUserAtTheNextSignIn()
    {
        var page = await app.SignInAsync("engineer2@demo.ecopark.tw", Password);
        await AppUnderTest.WaitForInteractiveAsync(page);

        await page.GetByTestId("culture-menu").ClickAsync();
        await page.GetByText("English", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("home-heading")).ToHaveTextAsync("Factory engineer home");
        await page.Context.CloseAsync();

        // A new browser has no culture cookie: the language comes from the user's saved choice.
        var again = await app.SignInAsync("engineer2@demo.ecopark.tw", Password);
        await Assertions.Expect(again.GetByTestId("home-heading")).ToHaveTextAsync("Factory engineer home");
        await again.Context.CloseAsync();
    }

    [GeneratedRegex("/account/login")]
    private static partial Regex SignInUrl();
}
