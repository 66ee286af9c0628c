using FedSim.Core.Components;

namespace FedSim.Data;

/// <summary>MNIST handwritten digits, from IDX files.</summary>
[Component("mnist", "MNIST: 28x28 grey images of handwritten digits, 60,000 train / 10,000 test (IDX files, raw or .gz)",
    Reference = "LeCun et al., 1998")]
internal sealed class Mnist : IdxDataset
{
    protected override string Name => "mnist";
}
