using Microsoft.Playwright;

namespace EcoPark.EndToEndTests;

/// <summary>
/// An administrator allows staff invitations for one park (the demo's 青溪 park, while 溪南 stays off); staff of that park
/// invite the engineer of a match's factory that has no engineer account (the demo's beverage plant) from the match page; the
/// invitee opens the link in a browser of their own, chooses a password and is signed in as that factory's engineer. On an
/// app of its own: the invitation gives the factory an engineer.
/// </summary>
[Collection(FreshParkBrowserCollection.Name)]
public sealed class EngineerInvitationTests(AppUnderTest app)
{
    private const string Password = "EcoPark#Demo2026";

    [Fact]
    public async Task Staff_InviteAnEngineerFromTheMatchPage_TheInviteeSetsAPasswordAndIsSignedIn()
    {
        // No park allows it yet: the match page says so instead of offering the form.
        var before = await app.SignInAsync("staff@demo.ecopark.tw", Password);
        await OpenBeverageMatchAsync(before);
        await Assertions.Expect(before.GetByTestId("invitation-off")).ToBeVisibleAsync();
        await Assertions.Expect(before.GetByTestId("invite")).ToHaveCountAsync(0);
        await before.Context.CloseAsync();

        var admin = await app.SignInAsync("admin@demo.ecopark.tw", Password);
        await admin.GotoAsync("/admin/users");
        await AppUnderTest.WaitForInteractiveAsync(admin);
        var qingxi = admin.GetByTestId("invitation-park").Filter(new() { HasText = "青溪工業區" });
        var xinan = admin.GetByTestId("invitation-park").Filter(new() { HasText = "溪南工業區" });
        await Switch(qingxi).CheckAsync();
        await Assertions.Expect(qingxi.GetByTestId("invitation-switch-changed")).ToContainTextAsync("admin@demo.ecopark.tw");
        await Assertions.Expect(Switch(xinan)).Not.ToBeCheckedAsync();
        await Assertions.Expect(xinan.GetByTestId("invitation-switch-changed")).Not.ToContainTextAsync("admin@demo.ecopark.tw");
        await AppUnderTest.ScreenshotAsync(admin, "admin-invitation-switches");
        // What was saved is what the page shows after a reload.
        await admin.ReloadAsync();
        await AppUnderTest.WaitForInteractiveAsync(admin);
        await Assertions.Expect(Switch(qingxi)).ToBeCheckedAsync();
        await Assertions.Expect(Switch(xinan)).Not.ToBeCheckedAsync();
        await admin.Context.CloseAsync();

        var staff = await app.SignInAsync("staff@demo.ecopark.tw", Password);
        await OpenBeverageMatchAsync(staff);
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

    /// <summary>A park's switch on the users page (the test id sits on the input or on its frame).</summary>
    private static ILocator Switch(ILocator park) => park.Locator("input[data-testid=invitation-switch], [data-testid=invitation-switch] input").First;

    /// <summary>The demo's seeded water link, whose supplier (a beverage plant) has no engineer account.</summary>
    private static async Task OpenBeverageMatchAsync(IPage staff)
    {
        await staff.GotoAsync("/matching");
        await AppUnderTest.WaitForInteractiveAsync(staff);
        await staff.GetByTestId("case-table").Locator("tr").Filter(new() { HasText = "清泉飲料股份有限公司" }).First.ClickAsync();
        await Assertions.Expect(staff.GetByTestId("case-state")).ToBeVisibleAsync();
        await AppUnderTest.WaitForInteractiveAsync(staff);
    }
}
