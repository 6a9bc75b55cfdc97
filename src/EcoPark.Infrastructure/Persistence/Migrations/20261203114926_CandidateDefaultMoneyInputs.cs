using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcoPark.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CandidateDefaultMoneyInputs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Rows stored before count no defaults until the rebuild queued at every start (CandidateStartupCheck) rewrites them.
            migrationBuilder.AddColumn<int>(
                name: "default_money_inputs",
                table: "match_candidates",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "default_money_inputs",
                table: "match_candidates");
        }
    }
}
