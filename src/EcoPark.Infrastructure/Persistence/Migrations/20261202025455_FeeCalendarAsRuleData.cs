using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EcoPark.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class FeeCalendarAsRuleData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The fee calendar became rule data: stored versions get the statutory dates they were applied with.
            foreach (var column in new[] { "regulation2023", "draft2019" })
            {
                migrationBuilder.Sql($$$"""
                    UPDATE fee_rule_sets SET {{{column}}} = jsonb_set({{{column}}}, '{calendar}', '{"billing":{"month":7,"day":1},"submission":{"month":7,"day":15},"notice":{"month":7,"day":31},"noticeLatest":{"month":8,"day":15},"due":{"month":8,"day":31},"dueDaysAfterLateDecision":30,"reexamination":{"month":12,"day":15}}'::jsonb)
                    WHERE {{{column}}} IS NOT NULL AND NOT ({{{column}}} ? 'calendar');
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var column in new[] { "regulation2023", "draft2019" })
            {
                migrationBuilder.Sql($"UPDATE fee_rule_sets SET {column} = {column} - 'calendar' WHERE {column} IS NOT NULL;");
            }
        }
    }
}
