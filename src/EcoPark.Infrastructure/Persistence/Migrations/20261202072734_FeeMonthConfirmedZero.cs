using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcoPark.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class FeeMonthConfirmedZero : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "confirmed_zero",
                table: "fee_case_months",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // The regulation's first day became rule data (the first window starts with it): stored versions get the
            // date they were written from, 2023-02-01.
            migrationBuilder.Sql("""
                UPDATE fee_rule_sets SET regulation2023 = jsonb_set(regulation2023, '{regulationInForceFrom}', '"2023-02-01"'::jsonb)
                WHERE regulation2023 IS NOT NULL AND NOT (regulation2023 ? 'regulationInForceFrom');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE fee_rule_sets SET regulation2023 = regulation2023 - 'regulationInForceFrom' WHERE regulation2023 IS NOT NULL;");

            migrationBuilder.DropColumn(
                name: "confirmed_zero",
                table: "fee_case_months");
        }
    }
}
