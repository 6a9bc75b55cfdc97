using Microsoft.Playwright;

namespace EcoPark.EndToEndTests;

/// <summary>
/// An administrator allows staff invitations; staff invite the engineer of a match's factory that has no engineer account
/// (the demo's beverage plant) from the match page; the invitee opens the link in a browser of their own, chooses a
/// password and is signed in as that factory's engineer. On an app of its own: the invitation gives the factory an engineer.
/// </summary>
[Collection(FreshParkBrowserCollection.Name)]
public sealed class EngineerInvitationTests(AppUnderTest app)
{
    private const string Password = "EcoPark#Demo2026";

    [Fact]
    public async Task Staff_InviteAnEngineerFromTheMatchPage_TheInviteeSetsAPasswordAndIsSignedIn()
    {
        var admin = await app.SignInAsync("admin@demo.ecopark.tw", Password);
        await admin.GotoAsync("/admin/users");
        await AppUnderTest.WaitForInteractiveAsync(admin);
        await admin.Locator("input[data-testid=invitation-switch], [data-testid=invitation-switch] input").First.CheckAsync();
        await Assertions.Expect(admin.GetByTestId("invitation-switch-changed")).ToContainTextAsync("admin@demo.ecopark.tw");
        await admin.Context.CloseAsync();

        var staff = await app.SignInAsync("staff@demo.ecopark.tw", Password);
        await staff.GotoAsync("/matching");
        await AppUnderTest.WaitForInteractiveAsync(staff);
        await staff.GetByTestId("case-table").Locator("tr").Filter(new() { HasText = "清泉飲料股份有限公司" }).First.ClickAsync();
        await Assertions.Expect(staff.GetByTestId("invite")).ToBeVisibleAsync();
        var email = $"invitee-{Guid.NewGuid():N}@example.com";
        await AppUnderTest.Input(staff, "invite-name").FillAsync("林工程師");
        await AppUnderTest.Input(staff, "invite-email").FillAsync(email);
        await staff.GetByTestId("invite").ClickAsync();
        await Assertions.Expect(staff.GetByTestId("invite-link")).ToBeVisibleAsync();
        var link = await staff.GetByTestId("invite-link").InnerTextAsync();
        await Assertions.Expect(staff.GetByTestId("invitation-row")).ToContainTextAsync(email);
        await AppUnderTest.ScreenshotAsync(staff, "matching-case-invitation");
        await staff.Context.CloseAsync();

        var invitee = await app.NewPageAsync();
        await invitee.GotoAsync(link);
        await Assertions.Expect(invitee.GetByTestId("invitation-intro")).ToContainTextAsync("林工程師");
        await invitee.FillAsync("#password", "Invited#Engineer2026");
        await invitee.ClickAsync("#accept-invitation");

        await Assertions.Expect(invitee.GetByTestId("signed-in-user")).ToContainTextAsync(email);
        await invitee.GotoAsync(new Uri(link).AbsolutePath);
        await Assertions.Expect(invitee.GetByTestId("invitation-error")).ToBeVisibleAsync(); // the link worked once
        await invitee.Context.CloseAsync();
    }
}
