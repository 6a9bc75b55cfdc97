using EcoPark.Domain.Access;

namespace EcoPark.Domain.Tests.Access;

public sealed class CallerTests
{
    private static readonly Guid ParkA = Guid.NewGuid();
    private static readonly Guid ParkB = Guid.NewGuid();
    private static readonly Guid OwnFactory = Guid.NewGuid();
    private static readonly Guid SameParkFactory = Guid.NewGuid();
    private static readonly Guid OtherParkFactory = Guid.NewGuid();

    public static TheoryData<string, string, bool, bool> Rules() => new()
    {
        // role, target, can read, can edit
        { Roles.Administrator, "own", true, true },
        { Roles.Administrator, "same park", true, true },
        { Roles.Administrator, "other park", true, true },
        { Roles.ParkStaff, "own", true, true },
        { Roles.ParkStaff, "same park", true, true },
        { Roles.ParkStaff, "other park", false, false },
        { Roles.FactoryEngineer, "own", true, true },
        { Roles.FactoryEngineer, "same park", false, false },
        { Roles.FactoryEngineer, "other park", false, false },
        { Roles.Auditor, "own", true, false },
        { Roles.Auditor, "same park", true, false },
        { Roles.Auditor, "other park", true, false },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void FactoryAccess_FollowsRoleAndScope(string role, string target, bool canRead, bool canEdit)
    {
        var caller = new Caller(Guid.NewGuid(), [role], [ParkA], [OwnFactory]);
        var (factory, park) = target switch
        {
            "own" => (OwnFactory, ParkA),
            "same park" => (SameParkFactory, ParkA),
            _ => (OtherParkFactory, ParkB),
        };

        Assert.Equal(canRead, caller.CanReadFactory(factory, park));
        Assert.Equal(canEdit, caller.CanEditFactory(factory, park));
    }

    [Fact]
    public void Scopes_CountOnlyForTheRoleTheyBelongTo()
    {
        // An auditor who somehow has a park scope gains no edit right from it.
        var caller = new Caller(Guid.NewGuid(), [Roles.Auditor], [ParkA], [OwnFactory]);

        Assert.Empty(caller.ParkIds);
        Assert.Empty(caller.FactoryIds);
        Assert.False(caller.CanEditFactory(OwnFactory, ParkA));
    }

    [Fact]
    public void NoRoles_SeesNothing()
    {
        var caller = new Caller(Guid.NewGuid(), [], [ParkA], [OwnFactory]);

        Assert.False(caller.CanReadFactory(OwnFactory, ParkA));
        Assert.False(caller.CanRegisterFactoryIn(ParkA));
    }

    [Theory]
    [InlineData(Roles.Administrator, true)]
    [InlineData(Roles.ParkStaff, true)]
    [InlineData(Roles.FactoryEngineer, false)]
    [InlineData(Roles.Auditor, false)]
    public void RegisterFactory_IsForAdministratorsAndStaffOfThePark(string role, bool allowed)
    {
        var caller = new Caller(Guid.NewGuid(), [role], [ParkA], [OwnFactory]);

        Assert.Equal(allowed, caller.CanRegisterFactoryIn(ParkA));
        Assert.Equal(role == Roles.Administrator, caller.CanRegisterFactoryIn(ParkB));
    }
}
