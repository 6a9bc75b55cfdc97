using EcoPark.Domain.Allocation;

namespace EcoPark.Application.Allocation;

/// <summary>
/// Solves a park-wide allocation model. An implementation returns the better of its own plan and the greedy one
/// (<see cref="GreedyAllocation"/>), so the outcome is never worse than pair-by-pair picking; the same model and options
/// give the same plan, unless the time limit cut the search short.
/// </summary>
public interface IAllocationSolver
{
    /// <summary>
    /// Solves the model. <paramref name="solving"/> is called once, on the solving thread, when the search starts (after the
    /// greedy plan and the solver's model are built); a cancelled <paramref name="cancellationToken"/> interrupts the search,
    /// and the answer is then the best plan found so far (never worse than greedy).
    /// </summary>
    AllocationOutcome Solve(AllocationModel model, AllocationOptions options, CancellationToken cancellationToken = default, Action? solving = null);
}
