using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcoPark.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Matching rule data moves from one untyped json column to a typed column per kind. Each stored version's JSON
    /// is already the serialized form of its kind's record, so it is moved as it is; going down puts it back.
    /// </summary>
    public partial class TypedMatchingRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "parameters",
                table: "matching_rule_sets",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "treatments",
                table: "matching_rule_sets",
                type: "jsonb",
                nullable: true);

            migrationBuilder.Sql("UPDATE matching_rule_sets SET parameters = json WHERE kind = 'Parameters';");
            migrationBuilder.Sql("UPDATE matching_rule_sets SET treatments = json WHERE kind = 'Treatments';");

            migrationBuilder.DropColumn(
                name: "json",
                table: "matching_rule_sets");

            migrationBuilder.AddCheckConstraint(
                name: "ck_matching_rule_sets_kind_data",
                table: "matching_rule_sets",
                sql: "(kind = 'Parameters' AND parameters IS NOT NULL AND treatments IS NULL) OR (kind = 'Treatments' AND treatments IS NOT NULL AND parameters IS NULL)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_matching_rule_sets_kind_data",
                table: "matching_rule_sets");

            migrationBuilder.AddColumn<string>(
                name: "json",
                table: "matching_rule_sets",
                type: "jsonb",
                nullable: true);

            migrationBuilder.Sql("UPDATE matching_rule_sets SET json = COALESCE(parameters, treatments);");

            migrationBuilder.AlterColumn<string>(
                name: "json",
                table: "matching_rule_sets",
                type: "jsonb",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "jsonb",
                oldNullable: true);

            migrationBuilder.DropColumn(
                name: "parameters",
                table: "matching_rule_sets");

            migrationBuilder.DropColumn(
                name: "treatments",
                table: "matching_rule_sets");
        }
    }
}
