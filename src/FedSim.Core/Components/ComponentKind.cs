namespace FedSim.Core.Components;

/// <summary>The kinds of plug-in component; each has one registry in a <see cref="Catalog"/>.</summary>
public enum ComponentKind
{
    /// <summary>A federated algorithm: the coordinator's strategy and the party's local-training half.</summary>
    Algorithm,

    /// <summary>How training data is split over parties.</summary>
    Partitioner,

    /// <summary>A dataset reader or generator.</summary>
    Dataset,

    /// <summary>A model architecture.</summary>
    Model,

    /// <summary>How tensors are encoded on the wire.</summary>
    Codec,

    /// <summary>A seeded distribution a device setting is drawn from, one value per party.</summary>
    Distribution,
}
