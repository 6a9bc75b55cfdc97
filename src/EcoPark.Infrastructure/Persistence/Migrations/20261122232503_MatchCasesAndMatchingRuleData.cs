using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcoPark.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MatchCasesAndMatchingRuleData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "match_cases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    park_id = table.Column<Guid>(type: "uuid", nullable: false),
                    resource = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    supply_stream_id = table.Column<Guid>(type: "uuid", nullable: false),
                    demand_stream_id = table.Column<Guid>(type: "uuid", nullable: false),
                    supply_factory_id = table.Column<Guid>(type: "uuid", nullable: false),
                    demand_factory_id = table.Column<Guid>(type: "uuid", nullable: false),
                    state = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    predicted_quantity = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    predicted_annual_benefit_ntd = table.Column<decimal>(type: "numeric(16,0)", precision: 16, scale: 0, nullable: false),
                    predicted_co2e_kg_per_year = table.Column<decimal>(type: "numeric(16,0)", precision: 16, scale: 0, nullable: false),
                    evaluation_json = table.Column<string>(type: "jsonb", nullable: false),
                    decline_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    supplier_consented = table.Column<bool>(type: "boolean", nullable: false),
                    buyer_consented = table.Column<bool>(type: "boolean", nullable: false),
                    introduced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    agreed_quantity = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    supplier_water_percent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    supplier_energy_percent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    supplier_co2e_percent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    months = table.Column<string>(type: "jsonb", nullable: true),
                    steps = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_match_cases", x => x.id);
                    table.ForeignKey(
                        name: "fk_match_cases_parks_park_id",
                        column: x => x.park_id,
                        principalTable: "parks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "matching_rule_sets",
                columns: table => new
                {
                    kind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    version = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    json = table.Column<string>(type: "jsonb", nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_matching_rule_sets", x => new { x.kind, x.version });
                });

            migrationBuilder.CreateIndex(
                name: "ix_match_cases_park_id_state",
                table: "match_cases",
                columns: new[] { "park_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_match_cases_supply_stream_id_demand_stream_id",
                table: "match_cases",
                columns: new[] { "supply_stream_id", "demand_stream_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "match_cases");

            migrationBuilder.DropTable(
                name: "matching_rule_sets");
        }
    }
}
