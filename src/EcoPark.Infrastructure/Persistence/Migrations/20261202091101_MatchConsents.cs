using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcoPark.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MatchConsents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "consents",
                table: "match_cases",
                type: "jsonb",
                nullable: true);

            // Matches from before: no consent record yet (their consent flags stay as they were).
            migrationBuilder.Sql("UPDATE match_cases SET consents = '[]' WHERE consents IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "consents",
                table: "match_cases");
        }
    }
}
