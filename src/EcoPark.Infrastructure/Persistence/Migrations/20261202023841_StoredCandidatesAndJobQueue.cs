using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcoPark.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class StoredCandidatesAndJobQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "background_jobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    locked_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    error = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_background_jobs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "match_candidates",
                columns: table => new
                {
                    supply_stream_id = table.Column<Guid>(type: "uuid", nullable: false),
                    demand_stream_id = table.Column<Guid>(type: "uuid", nullable: false),
                    resource = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    supply_factory_id = table.Column<Guid>(type: "uuid", nullable: false),
                    demand_factory_id = table.Column<Guid>(type: "uuid", nullable: false),
                    supply_park_id = table.Column<Guid>(type: "uuid", nullable: false),
                    demand_park_id = table.Column<Guid>(type: "uuid", nullable: false),
                    supply_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    demand_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    feasible = table.Column<bool>(type: "boolean", nullable: false),
                    feasible_as_is = table.Column<bool>(type: "boolean", nullable: false),
                    quantity = table.Column<decimal>(type: "numeric(20,1)", precision: 20, scale: 1, nullable: false),
                    unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    distance_m = table.Column<decimal>(type: "numeric(12,0)", precision: 12, scale: 0, nullable: true),
                    net_annual_benefit_ntd = table.Column<decimal>(type: "numeric(20,0)", precision: 20, scale: 0, nullable: false),
                    co2e_kg_per_year = table.Column<decimal>(type: "numeric(20,0)", precision: 20, scale: 0, nullable: false),
                    payback_months = table.Column<decimal>(type: "numeric(24,1)", precision: 24, scale: 1, nullable: true),
                    tightest_margin = table.Column<decimal>(type: "numeric(24,3)", precision: 24, scale: 3, nullable: true),
                    reasons = table.Column<List<string>>(type: "text[]", nullable: false),
                    party_reasons = table.Column<List<string>>(type: "text[]", nullable: false),
                    supply_band_low = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    supply_band_high = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    demand_band_low = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    demand_band_high = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    parameters_version = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    catalogue_version = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    fee_year = table.Column<int>(type: "integer", nullable: false),
                    supply_version = table.Column<long>(type: "bigint", nullable: false),
                    demand_version = table.Column<long>(type: "bigint", nullable: false),
                    computed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_match_candidates", x => new { x.supply_stream_id, x.demand_stream_id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_background_jobs_kind_status",
                table: "background_jobs",
                columns: new[] { "kind", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_background_jobs_status_created_at",
                table: "background_jobs",
                columns: new[] { "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_match_candidates_demand_factory_id",
                table: "match_candidates",
                column: "demand_factory_id");

            migrationBuilder.CreateIndex(
                name: "ix_match_candidates_demand_park_id_feasible_net_annual_benefit",
                table: "match_candidates",
                columns: new[] { "demand_park_id", "feasible", "net_annual_benefit_ntd" });

            migrationBuilder.CreateIndex(
                name: "ix_match_candidates_demand_stream_id",
                table: "match_candidates",
                column: "demand_stream_id");

            migrationBuilder.CreateIndex(
                name: "ix_match_candidates_net_annual_benefit_ntd",
                table: "match_candidates",
                column: "net_annual_benefit_ntd");

            migrationBuilder.CreateIndex(
                name: "ix_match_candidates_resource_status",
                table: "match_candidates",
                columns: new[] { "resource", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_match_candidates_supply_factory_id",
                table: "match_candidates",
                column: "supply_factory_id");

            migrationBuilder.CreateIndex(
                name: "ix_match_candidates_supply_park_id_feasible_net_annual_benefit",
                table: "match_candidates",
                columns: new[] { "supply_park_id", "feasible", "net_annual_benefit_ntd" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "background_jobs");

            migrationBuilder.DropTable(
                name: "match_candidates");
        }
    }
}
