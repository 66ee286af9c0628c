using FedSim.Core.Weights;
using FedSim.Protos.V1;

namespace FedSim.Protos.Conversion;

/// <summary>
/// What an upload's header may announce, checked before any chunk is read: the model group with exactly the global
/// model's tensors (names and shapes, in order) and at most <see cref="MaxPayloads"/> payload groups, each made of
/// tensors of the model's layout (SCAFFOLD's control delta), each tensor once. So an upload never costs more memory
/// than a few models, whatever its header claims.
/// </summary>
public static class UploadLayout
{
    public const int MaxPayloads = 4;

    /// <summary>Null when <paramref name="specs"/> fit <paramref name="model"/>; else what is wrong.</summary>
    public static string? Check(IReadOnlyList<TensorSpec> specs, ModelWeights model)
    {
        var layout = model.Tensors.ToDictionary(t => t.Name, t => t.Shape);
        var groups = specs.GroupBy(s => s.Group).ToList();
        if (groups.Count(g => g.Key != TensorGroup.Model) > MaxPayloads)
            return $"{groups.Count - 1} payload groups announced; at most {MaxPayloads}";
        foreach (var group in groups)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var spec in group)
            {
                if (!layout.TryGetValue(spec.Name, out var shape))
                    return $"tensor '{spec.Name}' of '{group.Key}' is not in the model";
                if (!spec.Shape.SequenceEqual(shape))
                    return $"tensor '{spec.Name}' of '{group.Key}' has shape [{string.Join(",", spec.Shape)}], the model's is [{string.Join(",", shape)}]";
                if (!seen.Add(spec.Name)) return $"tensor '{spec.Name}' of '{group.Key}' is announced twice";
            }
        }
        var announced = specs.Where(s => s.Group == TensorGroup.Model).Select(s => s.Name);
        return announced.SequenceEqual(model.Tensors.Select(t => t.Name)) ? null : "the model's tensors are not all announced, in the model's order";
    }
}
