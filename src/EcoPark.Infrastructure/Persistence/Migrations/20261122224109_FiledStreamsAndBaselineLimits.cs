using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcoPark.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class FiledStreamsAndBaselineLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "baseline_limit_sets",
                columns: table => new
                {
                    version = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    limits = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_baseline_limit_sets", x => x.version);
                });

            migrationBuilder.CreateTable(
                name: "byproduct_streams",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    direction = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    waste_code = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: true),
                    accepted_codes = table.Column<string[]>(type: "text[]", nullable: false),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    state = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    tonnes_per_month = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    regularity = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    current_route = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    cost_ntd_per_tonne = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    virgin_material = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    virgin_factor_kg_co2e_per_tonne = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: true),
                    permit = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    factory_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    confidential = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    updated_by = table.Column<Guid>(type: "uuid", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    properties = table.Column<string>(type: "jsonb", nullable: true),
                    property_limits = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_byproduct_streams", x => x.id);
                    table.ForeignKey(
                        name: "fk_byproduct_streams_factories_factory_id",
                        column: x => x.factory_id,
                        principalTable: "factories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "effluent_streams",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    min_m3per_day = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    avg_m3per_day = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    max_m3per_day = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    days_per_week = table.Column<int>(type: "integer", nullable: false),
                    hours_per_day = table.Column<decimal>(type: "numeric(4,1)", precision: 4, scale: 1, nullable: false),
                    route = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    discharge_fee_ntd_per_m3 = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: true),
                    factory_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    confidential = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    updated_by = table.Column<Guid>(type: "uuid", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    quality = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_effluent_streams", x => x.id);
                    table.ForeignKey(
                        name: "fk_effluent_streams_factories_factory_id",
                        column: x => x.factory_id,
                        principalTable: "factories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "heat_streams",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    direction = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    medium = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    supply_temperature_c = table.Column<decimal>(type: "numeric(6,1)", precision: 6, scale: 1, nullable: false),
                    return_temperature_c = table.Column<decimal>(type: "numeric(6,1)", precision: 6, scale: 1, nullable: false),
                    load_kw = table.Column<decimal>(type: "numeric(12,1)", precision: 12, scale: 1, nullable: false),
                    mass_flow_kg_per_hour = table.Column<decimal>(type: "numeric(14,1)", precision: 14, scale: 1, nullable: true),
                    specific_heat_kj_per_kg_k = table.Column<decimal>(type: "numeric(6,3)", precision: 6, scale: 3, nullable: true),
                    steam_pressure_bar_g = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    hours_per_day = table.Column<decimal>(type: "numeric(4,1)", precision: 4, scale: 1, nullable: false),
                    days_per_year = table.Column<int>(type: "integer", nullable: false),
                    start_hour = table.Column<int>(type: "integer", nullable: false),
                    current_fuel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    cost_ntd_per_kwh = table.Column<decimal>(type: "numeric(10,3)", precision: 10, scale: 3, nullable: true),
                    factory_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    confidential = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    updated_by = table.Column<Guid>(type: "uuid", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_heat_streams", x => x.id);
                    table.ForeignKey(
                        name: "fk_heat_streams_factories_factory_id",
                        column: x => x.factory_id,
                        principalTable: "factories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "water_demands",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    use = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    flow_m3per_day = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    reclaimed_allowed = table.Column<bool>(type: "boolean", nullable: false),
                    blending_allowed = table.Column<bool>(type: "boolean", nullable: false),
                    max_pipe_distance_m = table.Column<decimal>(type: "numeric(10,0)", precision: 10, scale: 0, nullable: true),
                    max_price_ntd_per_m3 = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: true),
                    current_water_price_ntd_per_m3 = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: true),
                    factory_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    confidential = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    updated_by = table.Column<Guid>(type: "uuid", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    current_water_quality = table.Column<string>(type: "jsonb", nullable: true),
                    limits = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_water_demands", x => x.id);
                    table.ForeignKey(
                        name: "fk_water_demands_factories_factory_id",
                        column: x => x.factory_id,
                        principalTable: "factories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_byproduct_streams_factory_id_name",
                table: "byproduct_streams",
                columns: new[] { "factory_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_effluent_streams_factory_id_name",
                table: "effluent_streams",
                columns: new[] { "factory_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_heat_streams_factory_id_name",
                table: "heat_streams",
                columns: new[] { "factory_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_water_demands_factory_id_name",
                table: "water_demands",
                columns: new[] { "factory_id", "name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "baseline_limit_sets");

            migrationBuilder.DropTable(
                name: "byproduct_streams");

            migrationBuilder.DropTable(
                name: "effluent_streams");

            migrationBuilder.DropTable(
                name: "heat_streams");

            migrationBuilder.DropTable(
                name: "water_demands");
        }
    }
}
