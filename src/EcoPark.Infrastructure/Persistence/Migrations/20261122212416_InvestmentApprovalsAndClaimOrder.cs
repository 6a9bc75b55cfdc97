using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcoPark.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InvestmentApprovalsAndClaimOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "approval_cost_ntd",
                table: "fee_claims",
                type: "numeric(16,0)",
                precision: 16,
                scale: 0,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "approval_first_fee_year",
                table: "fee_claims",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "approval_number",
                table: "fee_claims",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "approval_years",
                table: "fee_claims",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "sequence",
                table: "fee_claims",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "approval_cost_ntd",
                table: "fee_claims");

            migrationBuilder.DropColumn(
                name: "approval_first_fee_year",
                table: "fee_claims");

            migrationBuilder.DropColumn(
                name: "approval_number",
                table: "fee_claims");

            migrationBuilder.DropColumn(
                name: "approval_years",
                table: "fee_claims");

            migrationBuilder.DropColumn(
                name: "sequence",
                table: "fee_claims");
        }
    }
}
