namespace EcoPark.Web.Shared;

/// <summary>A node of a <see cref="SankeyChart"/>, with its colour (any CSS colour; null: the default).</summary>
public sealed record SankeyNode(string Label, string? Color = null);

/// <summary>A flow of a <see cref="SankeyChart"/> from node <see cref="Source"/> to node <see cref="Target"/> (indexes into the nodes).</summary>
public sealed record SankeyFlow(int Source, int Target, decimal Value, string? Label = null);
