using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcoPark.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class EngineerInvitations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "engineer_invitations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    factory_id = table.Column<Guid>(type: "uuid", nullable: false),
                    match_id = table.Column<Guid>(type: "uuid", nullable: false),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    normalized_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    invited_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    token_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    accepted_by = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_engineer_invitations", x => x.id);
                    table.ForeignKey(
                        name: "fk_engineer_invitations_factories_factory_id",
                        column: x => x.factory_id,
                        principalTable: "factories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_engineer_invitations_match_cases_match_id",
                        column: x => x.match_id,
                        principalTable: "match_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_engineer_invitations_users_invited_by",
                        column: x => x.invited_by,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "invitation_switch",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    staff_may_invite = table.Column<bool>(type: "boolean", nullable: false),
                    changed_by = table.Column<Guid>(type: "uuid", nullable: true),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_invitation_switch", x => x.id);
                    table.CheckConstraint("ck_invitation_switch_single_row", "id = 1");
                });

            migrationBuilder.CreateIndex(
                name: "ix_engineer_invitations_factory_id_normalized_email",
                table: "engineer_invitations",
                columns: new[] { "factory_id", "normalized_email" },
                unique: true,
                filter: "accepted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_engineer_invitations_invited_by",
                table: "engineer_invitations",
                column: "invited_by");

            migrationBuilder.CreateIndex(
                name: "ix_engineer_invitations_match_id",
                table: "engineer_invitations",
                column: "match_id");

            migrationBuilder.CreateIndex(
                name: "ix_engineer_invitations_token_hash",
                table: "engineer_invitations",
                column: "token_hash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "engineer_invitations");

            migrationBuilder.DropTable(
                name: "invitation_switch");
        }
    }
}
