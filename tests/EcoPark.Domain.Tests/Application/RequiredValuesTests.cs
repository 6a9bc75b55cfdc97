using EcoPark.Application.Common;
using EcoPark.Domain.Matching;

namespace EcoPark.Domain.Tests.Application;

public sealed class RequiredValuesTests
{
    public static TheoryData<string, string?> Cases => new()
    {
        { "complete", null },
        { "null required member", "rules.name" },
        { "null optional member", null },
        { "null item of a required list", "rules.steps[1]" },
        { "null member inside a list item", "rules.steps[0].name" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void FirstMissing_NamesThePathOfTheFirstNullThatMayNotBeNull(string shape, string? expected)
    {
        var value = shape switch
        {
            "complete" => new Rules("r", null, [new Step("a"), new Step("b")]),
            "null required member" => new Rules(null!, "x", [new Step("a")]),
            "null optional member" => new Rules("r", null, []),
            "null item of a required list" => new Rules("r", null, [new Step("a"), null!]),
            _ => new Rules("r", null, [new Step(null!)]),
        };

        Assert.Equal(expected, RequiredValues.FirstMissing(value, "rules"));
    }

    [Fact]
    public void FirstMissing_CalledByManyRequestsAtOnce_AnswersEachAsOneCallWould()
    {
        // Two administrators sending rule data at once once broke the shared nullability reader (a 500 in the API).
        const int callers = 16;
        using var start = new Barrier(callers);
        var answers = new string?[callers];
        var failures = new Exception?[callers];
        var threads = Enumerable.Range(0, callers).Select(i => new Thread(() =>
        {
            object data = i % 2 == 0 ? MatchingDefaults.Parameters() with { Water = null! } : MatchingDefaults.Treatments();
            start.SignalAndWait();
            try
            {
                answers[i] = RequiredValues.FirstMissing(data, "data");
            }
            catch (Exception e)
            {
                failures[i] = e;
            }
        })).ToList();

        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.All(failures, Assert.Null);
        Assert.All(answers.Where((_, i) => i % 2 == 0), a => Assert.Equal("data.water", a));
        Assert.All(answers.Where((_, i) => i % 2 == 1), Assert.Null);
    }

    private sealed record Rules(string Name, string? Comment, IReadOnlyList<Step> Steps);

    private sealed record Step(string Name);
}
