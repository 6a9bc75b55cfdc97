using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcoPark.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class FeeRulesAndCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    entity_type = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    action = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    before = table.Column<string>(type: "jsonb", nullable: true),
                    after = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "fee_cases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    factory_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fee_year = table.Column<int>(type: "integer", nullable: false),
                    case_version = table.Column<int>(type: "integer", nullable: false),
                    previous_version_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    payer = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    verification_issuer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    verification_issued_on = table.Column<DateOnly>(type: "date", nullable: true),
                    verification_rate_percent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    recycling_rate = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    calculation_json = table.Column<string>(type: "jsonb", nullable: true),
                    rule_set_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    rule_set_version = table.Column<int>(type: "integer", nullable: true),
                    net_fee_ntd = table.Column<decimal>(type: "numeric(14,0)", precision: 14, scale: 0, nullable: true),
                    calculated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decided_by = table.Column<Guid>(type: "uuid", nullable: true),
                    notice_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    due_date = table.Column<DateOnly>(type: "date", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fee_cases", x => x.id);
                    table.ForeignKey(
                        name: "fk_fee_cases_factories_factory_id",
                        column: x => x.factory_id,
                        principalTable: "factories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "fee_rule_sets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    scheme = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    regulation2023 = table.Column<string>(type: "jsonb", nullable: true),
                    draft2019 = table.Column<string>(type: "jsonb", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fee_rule_sets", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "industry_benchmarks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    industry = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    lower_percent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    upper_percent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    official = table.Column<bool>(type: "boolean", nullable: false),
                    source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_industry_benchmarks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "fee_case_months",
                columns: table => new
                {
                    month = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    fee_case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tap_m3 = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    surface_m3 = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    groundwater_m3 = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    other_supplier_m3 = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fee_case_months", x => new { x.fee_case_id, x.month });
                    table.ForeignKey(
                        name: "fk_fee_case_months_fee_cases_fee_case_id",
                        column: x => x.fee_case_id,
                        principalTable: "fee_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "fee_claims",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    committed_m3 = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    decision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    decision_comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    decided_by = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    fee_case_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fee_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_fee_claims_fee_cases_fee_case_id",
                        column: x => x.fee_case_id,
                        principalTable: "fee_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "fee_evidence",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    fee_case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_id = table.Column<Guid>(type: "uuid", nullable: true),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    uploaded_by = table.Column<Guid>(type: "uuid", nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fee_evidence", x => x.id);
                    table.ForeignKey(
                        name: "fk_fee_evidence_fee_cases_fee_case_id",
                        column: x => x.fee_case_id,
                        principalTable: "fee_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_entity_type_entity_id_at",
                table: "audit_entries",
                columns: new[] { "entity_type", "entity_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_fee_cases_factory_id_fee_year_case_version",
                table: "fee_cases",
                columns: new[] { "factory_id", "fee_year", "case_version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_fee_claims_fee_case_id",
                table: "fee_claims",
                column: "fee_case_id");

            migrationBuilder.CreateIndex(
                name: "ix_fee_evidence_fee_case_id",
                table: "fee_evidence",
                column: "fee_case_id");

            migrationBuilder.CreateIndex(
                name: "ix_fee_rule_sets_code_version",
                table: "fee_rule_sets",
                columns: new[] { "code", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_industry_benchmarks_industry_effective_from",
                table: "industry_benchmarks",
                columns: new[] { "industry", "effective_from" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "fee_case_months");

            migrationBuilder.DropTable(
                name: "fee_claims");

            migrationBuilder.DropTable(
                name: "fee_evidence");

            migrationBuilder.DropTable(
                name: "fee_rule_sets");

            migrationBuilder.DropTable(
                name: "industry_benchmarks");

            migrationBuilder.DropTable(
                name: "fee_cases");
        }
    }
}
