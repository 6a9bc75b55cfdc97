using EcoPark.Domain.Allocation;

namespace EcoPark.Application.Allocation;

/// <summary>
/// Solves a park-wide allocation model. An implementation returns the better of its own plan and the greedy one
/// (<see cref="GreedyAllocation"/>), so the outcome is never worse than pair-by-pair picking; the same model and options
/// give the same plan, unless the time limit cut the search short.
/// </summary>
public interface IAllocationSolver
{
    AllocationOutcome Solve(AllocationModel model, AllocationOptions options, CancellationToken cancellationToken = default);
}
