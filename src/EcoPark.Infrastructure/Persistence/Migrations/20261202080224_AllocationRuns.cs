using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcoPark.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AllocationRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "allocation_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    park_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    options_json = table.Column<string>(type: "jsonb", nullable: false),
                    snapshot_json = table.Column<string>(type: "jsonb", nullable: true),
                    paths = table.Column<int>(type: "integer", nullable: true),
                    variables = table.Column<int>(type: "integer", nullable: true),
                    constraints = table.Column<int>(type: "integer", nullable: true),
                    links_json = table.Column<string>(type: "jsonb", nullable: true),
                    greedy_links_json = table.Column<string>(type: "jsonb", nullable: true),
                    shadow_prices_json = table.Column<string>(type: "jsonb", nullable: true),
                    objective_ntd_per_year = table.Column<decimal>(type: "numeric(20,0)", precision: 20, scale: 0, nullable: true),
                    greedy_objective_ntd_per_year = table.Column<decimal>(type: "numeric(20,0)", precision: 20, scale: 0, nullable: true),
                    best_bound_ntd_per_year = table.Column<decimal>(type: "numeric(20,0)", precision: 20, scale: 0, nullable: true),
                    gap_percent = table.Column<decimal>(type: "numeric(12,4)", precision: 12, scale: 4, nullable: true),
                    reused_water_m3per_day = table.Column<decimal>(type: "numeric(18,3)", precision: 18, scale: 3, nullable: true),
                    greedy_reused_water_m3per_day = table.Column<decimal>(type: "numeric(18,3)", precision: 18, scale: 3, nullable: true),
                    solve_seconds = table.Column<double>(type: "double precision", nullable: true),
                    plan_source = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    message = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    cancel_requested = table.Column<bool>(type: "boolean", nullable: false),
                    requested_by = table.Column<Guid>(type: "uuid", nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    heartbeat_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_allocation_runs", x => x.id);
                    table.ForeignKey(
                        name: "fk_allocation_runs_parks_park_id",
                        column: x => x.park_id,
                        principalTable: "parks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_allocation_runs_park_id_requested_at",
                table: "allocation_runs",
                columns: new[] { "park_id", "requested_at" });

            migrationBuilder.CreateIndex(
                name: "ix_allocation_runs_status",
                table: "allocation_runs",
                column: "status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "allocation_runs");
        }
    }
}
