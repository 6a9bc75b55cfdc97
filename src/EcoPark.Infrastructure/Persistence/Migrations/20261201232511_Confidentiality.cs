using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcoPark.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Confidentiality : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_match_cases_supply_stream_id_demand_stream_id",
                table: "match_cases");

            migrationBuilder.DropIndex(
                name: "ix_factories_park_id_unified_business_number",
                table: "factories");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "partner_joined_at",
                table: "match_cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "partner_joined_by",
                table: "match_cases",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "partner_park_id",
                table: "match_cases",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_match_cases_partner_park_id",
                table: "match_cases",
                column: "partner_park_id");

            migrationBuilder.CreateIndex(
                name: "ux_match_cases_open_pair",
                table: "match_cases",
                columns: new[] { "supply_stream_id", "demand_stream_id" },
                unique: true,
                filter: "state NOT IN ('Declined', 'Ended')");

            migrationBuilder.CreateIndex(
                name: "ix_factories_park_id",
                table: "factories",
                column: "park_id");

            migrationBuilder.CreateIndex(
                name: "ux_factories_business_number_address",
                table: "factories",
                columns: new[] { "unified_business_number", "address" },
                unique: true);

            // One Chinese name per park. The name is an owned value, which EF cannot index together with the park,
            // so the index is kept here in SQL (EcoPark.Application.Abstractions.UniqueIndexes.FactoryNameInPark).
            migrationBuilder.Sql("CREATE UNIQUE INDEX ux_factories_park_name_zh ON factories (park_id, name_zh);");

            migrationBuilder.AddForeignKey(
                name: "fk_match_cases_parks_partner_park_id",
                table: "match_cases",
                column: "partner_park_id",
                principalTable: "parks",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX ux_factories_park_name_zh;");

            migrationBuilder.DropForeignKey(
                name: "fk_match_cases_parks_partner_park_id",
                table: "match_cases");

            migrationBuilder.DropIndex(
                name: "ix_match_cases_partner_park_id",
                table: "match_cases");

            migrationBuilder.DropIndex(
                name: "ux_match_cases_open_pair",
                table: "match_cases");

            migrationBuilder.DropIndex(
                name: "ix_factories_park_id",
                table: "factories");

            migrationBuilder.DropIndex(
                name: "ux_factories_business_number_address",
                table: "factories");

            migrationBuilder.DropColumn(
                name: "partner_joined_at",
                table: "match_cases");

            migrationBuilder.DropColumn(
                name: "partner_joined_by",
                table: "match_cases");

            migrationBuilder.DropColumn(
                name: "partner_park_id",
                table: "match_cases");

            migrationBuilder.CreateIndex(
                name: "ix_match_cases_supply_stream_id_demand_stream_id",
                table: "match_cases",
                columns: new[] { "supply_stream_id", "demand_stream_id" });

            migrationBuilder.CreateIndex(
                name: "ix_factories_park_id_unified_business_number",
                table: "factories",
                columns: new[] { "park_id", "unified_business_number" },
                unique: true);
        }
    }
}
