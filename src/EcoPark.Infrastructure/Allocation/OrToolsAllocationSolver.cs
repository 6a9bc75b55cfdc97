using System.Diagnostics;
using System.Globalization;
using EcoPark.Application.Allocation;
using EcoPark.Domain.Allocation;
using Google.OrTools.LinearSolver;

namespace EcoPark.Infrastructure.Allocation;

/// <summary>
/// The allocation MILP on Google OR-Tools (docs/decisions/0014-park-allocation.md): SCIP for the model with its build
/// binaries, GLOP for the LP with the binaries fixed that gives the shadow prices. One thread and fixed seeds, so that the same
/// model gives the same plan; the greedy plan is the hint and the floor.
/// </summary>
public sealed class OrToolsAllocationSolver : IAllocationSolver
{
    /// <summary>The most the lock diagnosis spends on each lock once the model proved infeasible.</summary>
    private static readonly TimeSpan LockCheckLimit = TimeSpan.FromSeconds(10);

    /// <summary>Quantities below this in the solver's answer are zero (its tolerances, not a rule).</summary>
    private const double Zero = 1e-9;

    public AllocationOutcome Solve(AllocationModel model, AllocationOptions options, CancellationToken cancellationToken = default, Action? solving = null)
    {
        var watch = Stopwatch.StartNew();
        var greedy = GreedyAllocation.Plan(model, options);
        var problems = model.LockProblems(options);
        if (problems.Count > 0)
        {
            return Outcome(model, options, AllocationStatus.Infeasible, greedy.Plan, greedy.Plan, null, watch.Elapsed, problems, null);
        }

        var rows = model.Rows(options);
        var deadline = watch.Elapsed + options.TimeLimit;
        var hint = greedy.Feasible ? greedy.Plan : null;
        Run run;
        if (options.Objective == AllocationObjective.NetBenefit)
        {
            run = Mip(model, options, rows, AllocationObjective.NetBenefit, null, hint, options.TimeLimit, cancellationToken, solving);
        }
        else
        {
            // Reuse first; then the benefit, with the reuse held at the most found (less a numerical tolerance, never below the
            // greedy plan's): a lexicographic objective, so that no reuse is traded for money.
            var first = Mip(model, options, rows, AllocationObjective.ReusedWater, null, hint, options.TimeLimit / 2, cancellationToken, solving);
            if (first.Status is AllocationStatus.Infeasible or AllocationStatus.Failed)
            {
                run = first;
            }
            else
            {
                var greedyWater = greedy.Feasible ? greedy.Plan.ReusedWaterM3PerDay(model) : 0;
                var most = Math.Max(first.Plan?.ReusedWaterM3PerDay(model) ?? 0, greedyWater);
                var held = Math.Max(most * (1 - AllocationOptions.ReuseTolerance), greedyWater);
                var secondHint = first.Plan is { } found && found.ReusedWaterM3PerDay(model) >= held ? found : hint;
                var left = deadline - watch.Elapsed;
                run = Mip(model, options, rows, AllocationObjective.NetBenefit, held, secondHint, left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1), cancellationToken);
                run = run with { Plan = run.Plan ?? first.Plan };
            }
        }

        if (run.Status == AllocationStatus.Infeasible)
        {
            return Outcome(model, options, AllocationStatus.Infeasible, greedy.Plan, greedy.Plan, null, watch.Elapsed, DiagnoseLocks(model, options, cancellationToken), run);
        }

        var status = run.Status;
        var plan = greedy.Plan;
        if (run.Plan is { } solved)
        {
            if (solved.Violations(model, options).Count > 0)
            {
                status = AllocationStatus.Failed; // an answer the model does not accept is no plan
            }
            else if (!greedy.Feasible || solved.IsBetterThan(greedy.Plan, model, options.Objective))
            {
                plan = solved;
            }
        }

        return Outcome(model, options, status, plan, greedy.Plan, run.Bound, watch.Elapsed, [], run) with
        {
            Source = ReferenceEquals(plan, greedy.Plan) ? AllocationPlanSource.Greedy : AllocationPlanSource.Solver,
        };
    }

    private sealed record Run(AllocationStatus Status, AllocationPlan? Plan, decimal? Bound, int Variables, int Constraints);

    private static AllocationOutcome Outcome(AllocationModel model, AllocationOptions options, AllocationStatus status, AllocationPlan plan, AllocationPlan greedy,
        decimal? bound, TimeSpan elapsed, IReadOnlyList<AllocationLockProblem> locks, Run? run)
    {
        var objective = plan.NetBenefitNtd(model);
        decimal? gap = bound is { } b ? Math.Max(0, b - objective) / Math.Max(1, Math.Abs(objective)) * 100 : null;
        var prices = status == AllocationStatus.Infeasible ? [] : ShadowPrices(model, options, plan);
        return new AllocationOutcome(status, AllocationPlanSource.Greedy, plan, greedy, objective, greedy.NetBenefitNtd(model), bound, gap, elapsed, prices, locks)
        {
            Variables = run?.Variables ?? 0,
            Constraints = run?.Constraints ?? 0,
        };
    }

    /// <summary>One MILP solve. <paramref name="heldWater"/>: a floor on reused water (the second stage of the reuse objective).</summary>
    private static Run Mip(AllocationModel model, AllocationOptions options, IReadOnlyList<AllocationRow> rows, AllocationObjective objective, decimal? heldWater,
        AllocationPlan? hint, TimeSpan limit, CancellationToken cancellationToken, Action? solving = null)
    {
        using var solver = Solver.CreateSolver("SCIP");
        if (solver is null)
        {
            return new Run(AllocationStatus.Failed, null, null, 0, 0);
        }

        solver.SetNumThreads(1);
        solver.SetSolverSpecificParametersAsString("randomization/randomseedshift = 0\nrandomization/permutationseed = 0\nrandomization/lpseed = 0\n");
        solver.SetTimeLimit((long)Math.Max(1, limit.TotalMilliseconds));
        var (x, y) = Build(solver, model, options, rows, null);
        if (objective == AllocationObjective.NetBenefit && heldWater is null)
        {
            var never = model.NeverPays(options);
            for (var k = 0; k < y.Length; k++)
            {
                if (never[k])
                {
                    y[k].SetUb(0);
                }
            }
        }

        if (heldWater is { } held)
        {
            var row = solver.MakeConstraint((double)held * (1 - 1e-9), double.PositiveInfinity, "reuse-held");
            for (var p = 0; p < x.Length; p++)
            {
                if (model.IsWater(p))
                {
                    row.SetCoefficient(x[p], 1);
                }
            }
        }

        SetObjective(solver, model, objective, x, y);
        if (hint is not null)
        {
            solver.SetHint([.. x, .. y], [.. hint.Quantities.Select(q => (double)q), .. hint.Built.Select(b => b ? 1.0 : 0.0)]);
        }

        using var parameters = new MPSolverParameters();
        parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, options.RelativeGap);
        solving?.Invoke();
        // An interrupt asked before the search starts may be lost (the solver resets it as it starts): a run cancelled already
        // does not start another search.
        if (cancellationToken.IsCancellationRequested)
        {
            return new Run(AllocationStatus.TimeLimit, null, null, solver.NumVariables(), solver.NumConstraints());
        }

        using var interrupt = cancellationToken.Register(() => solver.InterruptSolve());
        var result = solver.Solve(parameters);
        var variables = solver.NumVariables();
        var constraints = solver.NumConstraints();
        var status = result switch
        {
            Solver.ResultStatus.OPTIMAL => AllocationStatus.Optimal,
            Solver.ResultStatus.FEASIBLE => AllocationStatus.Feasible,
            Solver.ResultStatus.INFEASIBLE => AllocationStatus.Infeasible,
            Solver.ResultStatus.NOT_SOLVED => AllocationStatus.TimeLimit,
            _ => AllocationStatus.Failed,
        };
        if (status is not (AllocationStatus.Optimal or AllocationStatus.Feasible))
        {
            return new Run(status, null, null, variables, constraints);
        }

        var quantities = x.Select((v, p) => Quantity(v.SolutionValue(), model.Paths[p].MaxQuantity)).ToArray();
        var bounds = model.PairBounds(options);
        var built = new bool[y.Length];
        for (var k = 0; k < y.Length; k++)
        {
            // A pair is built when it carries anything or is locked in; a binary left at 1 with nothing on it only costs.
            built[k] = bounds[k].Lower == 1 || model.PathsOf(k).Any(p => quantities[p] > 0);
        }

        var bound = objective == AllocationObjective.NetBenefit ? ToDecimal(solver.Objective().BestBound()) : (decimal?)null;
        return new Run(status, new AllocationPlan(quantities, built), bound, variables, constraints);
    }

    /// <summary>The variables and rows; with <paramref name="built"/> the build decisions are fixed (the LP of the shadow prices).</summary>
    private static (Variable[] X, Variable[] Y) Build(Solver solver, AllocationModel model, AllocationOptions options, IReadOnlyList<AllocationRow> rows,
        IReadOnlyList<bool>? built, List<(AllocationRow Row, Constraint Constraint)>? made = null)
    {
        var bounds = model.PairBounds(options);
        var y = new Variable[model.Pairs.Count];
        for (var k = 0; k < y.Length; k++)
        {
            var name = $"y{k}";
            y[k] = built is null
                ? solver.MakeIntVar(bounds[k].Lower, bounds[k].Upper, name)
                : solver.MakeNumVar(built[k] ? 1 : 0, built[k] ? 1 : 0, name);
        }

        var x = new Variable[model.Paths.Count];
        for (var p = 0; p < x.Length; p++)
        {
            var open = built is null || built[model.PairOf(p)];
            x[p] = solver.MakeNumVar(0, open ? (double)model.Paths[p].MaxQuantity : 0, $"x{p}");
        }

        foreach (var row in rows)
        {
            var constraint = solver.MakeConstraint(row.Lower is { } lo ? (double)lo : double.NegativeInfinity, row.Upper is { } hi ? (double)hi : double.PositiveInfinity, row.Name);
            foreach (var t in row.PathTerms)
            {
                constraint.SetCoefficient(x[t.Index], (double)t.Coefficient);
            }

            foreach (var t in row.PairTerms)
            {
                constraint.SetCoefficient(y[t.Index], (double)t.Coefficient);
            }

            made?.Add((row, constraint));
        }

        return (x, y);
    }

    private static void SetObjective(Solver solver, AllocationModel model, AllocationObjective objective, Variable[] x, Variable[] y)
    {
        var (paths, pairs) = model.Objective(objective);
        var goal = solver.Objective();
        for (var p = 0; p < x.Length; p++)
        {
            goal.SetCoefficient(x[p], (double)paths[p]);
        }

        for (var k = 0; k < y.Length; k++)
        {
            goal.SetCoefficient(y[k], (double)pairs[k]);
        }

        goal.SetMaximization();
    }

    /// <summary>
    /// The duals of the supply and demand rows in the LP with the plan's build decisions fixed, maximising the net benefit:
    /// NTD a year for one more unit of free supply or of demand size.
    /// </summary>
    private static IReadOnlyList<AllocationShadowPrice> ShadowPrices(AllocationModel model, AllocationOptions options, AllocationPlan plan)
    {
        using var solver = Solver.CreateSolver("GLOP");
        if (solver is null)
        {
            return [];
        }

        var made = new List<(AllocationRow Row, Constraint Constraint)>();
        var (x, y) = Build(solver, model, options, model.Rows(options), plan.Built, made);
        SetObjective(solver, model, AllocationObjective.NetBenefit, x, y);
        if (solver.Solve() != Solver.ResultStatus.OPTIMAL)
        {
            return [];
        }

        var resources = model.Supplies.ToDictionary(s => s.Id, s => s.Resource);
        foreach (var d in model.Demands)
        {
            resources[d.Id] = d.Resource;
        }

        return [.. made.Where(m => m.Row.Kind is AllocationRowKind.Supply or AllocationRowKind.Demand)
            .Select(m => new AllocationShadowPrice(m.Row.StreamId!.Value, resources[m.Row.StreamId!.Value], m.Row.Kind == AllocationRowKind.Supply,
                Math.Round(ToDecimal(m.Constraint.DualValue()) ?? 0, 2)))];
    }

    /// <summary>
    /// Names the locks to blame once the model proved infeasible: each lock that cannot hold even alone (with the other
    /// options as they are); when every one holds alone, all of them together.
    /// </summary>
    private static IReadOnlyList<AllocationLockProblem> DiagnoseLocks(AllocationModel model, AllocationOptions options, CancellationToken cancellationToken)
    {
        var alone = new List<AllocationLockProblem>();
        foreach (var l in options.LockIn)
        {
            var single = options with { LockIn = [l], TimeLimit = LockCheckLimit, Objective = AllocationObjective.NetBenefit };
            var run = Mip(model, single, model.Rows(single), AllocationObjective.NetBenefit, null, null, LockCheckLimit, cancellationToken);
            if (run.Status == AllocationStatus.Infeasible)
            {
                alone.Add(new(l, AllocationLockReason.Infeasible));
            }
        }

        return alone.Count > 0 ? alone : [.. options.LockIn.Select(l => new AllocationLockProblem(l, AllocationLockReason.InfeasibleTogether))];
    }

    private static decimal Quantity(double value, decimal max) => value < Zero ? 0 : Math.Min(max, (decimal)value);

    private static decimal? ToDecimal(double value) =>
        double.IsFinite(value) && Math.Abs(value) < 7.9e27 ? decimal.Parse(value.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture) : null;
}
