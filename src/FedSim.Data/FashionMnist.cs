using FedSim.Core.Components;

namespace FedSim.Data;

/// <summary>Fashion-MNIST: 60,000 training and 10,000 test images of 10 clothing classes (Debian: dataset-fashion-mnist).</summary>
[Component("fashion-mnist", "Fashion-MNIST: 28x28 grey images of 10 clothing classes, 60,000 train / 10,000 test (IDX files, raw or .gz)",
    Reference = "Xiao et al., arXiv:1708.07747")]
internal sealed class FashionMnist : IdxDataset
{
    protected override string Name => "fashion-mnist";
}
