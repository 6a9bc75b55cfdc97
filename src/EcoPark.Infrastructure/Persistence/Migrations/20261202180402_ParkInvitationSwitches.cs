using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcoPark.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ParkInvitationSwitches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "park_invitation_switches",
                columns: table => new
                {
                    park_id = table.Column<Guid>(type: "uuid", nullable: false),
                    staff_may_invite = table.Column<bool>(type: "boolean", nullable: false),
                    changed_by = table.Column<Guid>(type: "uuid", nullable: true),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_park_invitation_switches", x => x.park_id);
                    table.ForeignKey(
                        name: "fk_park_invitation_switches_parks_park_id",
                        column: x => x.park_id,
                        principalTable: "parks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // The one switch becomes one per park: where it was on, every park allows invitations, with who and when it was
            // turned on; where it was off (or never set), no park does, as a park without a row is off.
            migrationBuilder.Sql("""
                INSERT INTO park_invitation_switches (park_id, staff_may_invite, changed_by, changed_at)
                SELECT p.id, true, s.changed_by, s.changed_at FROM parks p CROSS JOIN invitation_switch s WHERE s.staff_may_invite
                """);

            migrationBuilder.DropTable(
                name: "invitation_switch");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "invitation_switch",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    changed_by = table.Column<Guid>(type: "uuid", nullable: true),
                    staff_may_invite = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_invitation_switch", x => x.id);
                    table.CheckConstraint("ck_invitation_switch_single_row", "id = 1");
                });

            // Back to one switch: on only if every park allowed invitations (a narrower answer would widen someone's permission).
            migrationBuilder.Sql("""
                INSERT INTO invitation_switch (id, staff_may_invite, changed_by, changed_at)
                SELECT 1, true, max(s.changed_by::text)::uuid, max(s.changed_at) FROM park_invitation_switches s WHERE s.staff_may_invite
                HAVING count(*) = (SELECT count(*) FROM parks) AND count(*) > 0
                """);

            migrationBuilder.DropTable(
                name: "park_invitation_switches");
        }
    }
}
