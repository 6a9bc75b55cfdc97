using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcoPark.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ParkScreening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "park_screening_inputs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    park_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    as_of = table.Column<DateOnly>(type: "date", nullable: false),
                    source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    entered_by = table.Column<Guid>(type: "uuid", nullable: true),
                    entered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    county = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    easy_match_share_percent = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    expected_increase10k_m3_per_year = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    extra_supply_m3_per_day = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    high_water_use_annual10k_m3 = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    leasable_factory_area_ha = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    leasable_land_ha = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    low_tolerance = table.Column<bool>(type: "boolean", nullable: true),
                    tap_headroom_m3_per_day = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    wwtp_conductivity_us_cm = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    wwtp_effluent_m3_per_day = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    wwtp_expansion_land_ha = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    wwtp_spare_capacity_m3_per_day = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_park_screening_inputs", x => x.id);
                    table.ForeignKey(
                        name: "fk_park_screening_inputs_parks_park_id",
                        column: x => x.park_id,
                        principalTable: "parks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "screening_rule_sets",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    json = table.Column<string>(type: "jsonb", nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_screening_rule_sets", x => new { x.code, x.version });
                });

            migrationBuilder.CreateIndex(
                name: "ix_park_screening_inputs_park_id_version",
                table: "park_screening_inputs",
                columns: new[] { "park_id", "version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "park_screening_inputs");

            migrationBuilder.DropTable(
                name: "screening_rule_sets");
        }
    }
}
