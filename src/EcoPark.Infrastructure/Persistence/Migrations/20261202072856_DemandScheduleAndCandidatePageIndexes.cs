using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcoPark.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DemandScheduleAndCandidatePageIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_match_candidates_demand_park_id_feasible_net_annual_benefit",
                table: "match_candidates");

            migrationBuilder.DropIndex(
                name: "ix_match_candidates_net_annual_benefit_ntd",
                table: "match_candidates");

            migrationBuilder.AddColumn<int>(
                name: "days_per_week",
                table: "water_demands",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "hours_per_day",
                table: "water_demands",
                type: "numeric(4,1)",
                precision: 4,
                scale: 1,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "cross_park",
                table: "match_candidates",
                type: "boolean",
                nullable: false,
                computedColumnSql: "supply_park_id <> demand_park_id",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_match_candidates_demand_park_id_co2e_kg_per_year",
                table: "match_candidates",
                columns: new[] { "demand_park_id", "co2e_kg_per_year" },
                filter: "cross_park");

            migrationBuilder.CreateIndex(
                name: "ix_match_candidates_demand_park_id_distance_m",
                table: "match_candidates",
                columns: new[] { "demand_park_id", "distance_m" },
                filter: "cross_park");

            migrationBuilder.CreateIndex(
                name: "ix_match_candidates_demand_park_id_feasible_net_annual_benefit",
                table: "match_candidates",
                columns: new[] { "demand_park_id", "feasible", "net_annual_benefit_ntd" },
                filter: "cross_park");

            migrationBuilder.CreateIndex(
                name: "ix_match_candidates_demand_park_id_net_annual_benefit_ntd",
                table: "match_candidates",
                columns: new[] { "demand_park_id", "net_annual_benefit_ntd" },
                filter: "cross_park");

            migrationBuilder.CreateIndex(
                name: "ix_match_candidates_demand_park_id_payback_months",
                table: "match_candidates",
                columns: new[] { "demand_park_id", "payback_months" },
                filter: "cross_park");

            migrationBuilder.CreateIndex(
                name: "ix_match_candidates_demand_park_id_quantity",
                table: "match_candidates",
                columns: new[] { "demand_park_id", "quantity" },
                filter: "cross_park");

            migrationBuilder.CreateIndex(
                name: "ix_match_candidates_supply_park_id_co2e_kg_per_year",
                table: "match_candidates",
                columns: new[] { "supply_park_id", "co2e_kg_per_year" });

            migrationBuilder.CreateIndex(
                name: "ix_match_candidates_supply_park_id_distance_m",
                table: "match_candidates",
                columns: new[] { "supply_park_id", "distance_m" });

            migrationBuilder.CreateIndex(
                name: "ix_match_candidates_supply_park_id_net_annual_benefit_ntd",
                table: "match_candidates",
                columns: new[] { "supply_park_id", "net_annual_benefit_ntd" });

            migrationBuilder.CreateIndex(
                name: "ix_match_candidates_supply_park_id_payback_months",
                table: "match_candidates",
                columns: new[] { "supply_park_id", "payback_months" });

            migrationBuilder.CreateIndex(
                name: "ix_match_candidates_supply_park_id_quantity",
                table: "match_candidates",
                columns: new[] { "supply_park_id", "quantity" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_match_candidates_demand_park_id_co2e_kg_per_year",
                table: "match_candidates");

            migrationBuilder.DropIndex(
                name: "ix_match_candidates_demand_park_id_distance_m",
                table: "match_candidates");

            migrationBuilder.DropIndex(
                name: "ix_match_candidates_demand_park_id_feasible_net_annual_benefit",
                table: "match_candidates");

            migrationBuilder.DropIndex(
                name: "ix_match_candidates_demand_park_id_net_annual_benefit_ntd",
                table: "match_candidates");

            migrationBuilder.DropIndex(
                name: "ix_match_candidates_demand_park_id_payback_months",
                table: "match_candidates");

            migrationBuilder.DropIndex(
                name: "ix_match_candidates_demand_park_id_quantity",
                table: "match_candidates");

            migrationBuilder.DropIndex(
                name: "ix_match_candidates_supply_park_id_co2e_kg_per_year",
                table: "match_candidates");

            migrationBuilder.DropIndex(
                name: "ix_match_candidates_supply_park_id_distance_m",
                table: "match_candidates");

            migrationBuilder.DropIndex(
                name: "ix_match_candidates_supply_park_id_net_annual_benefit_ntd",
                table: "match_candidates");

            migrationBuilder.DropIndex(
                name: "ix_match_candidates_supply_park_id_payback_months",
                table: "match_candidates");

            migrationBuilder.DropIndex(
                name: "ix_match_candidates_supply_park_id_quantity",
                table: "match_candidates");

            migrationBuilder.DropColumn(
                name: "cross_park",
                table: "match_candidates");

            migrationBuilder.DropColumn(
                name: "days_per_week",
                table: "water_demands");

            migrationBuilder.DropColumn(
                name: "hours_per_day",
                table: "water_demands");

            migrationBuilder.CreateIndex(
                name: "ix_match_candidates_demand_park_id_feasible_net_annual_benefit",
                table: "match_candidates",
                columns: new[] { "demand_park_id", "feasible", "net_annual_benefit_ntd" });

            migrationBuilder.CreateIndex(
                name: "ix_match_candidates_net_annual_benefit_ntd",
                table: "match_candidates",
                column: "net_annual_benefit_ntd");
        }
    }
}
