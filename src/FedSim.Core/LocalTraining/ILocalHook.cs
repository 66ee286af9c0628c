namespace FedSim.Core.LocalTraining;

/// <summary>
/// Something an algorithm changes in a party's local training, as data (e.g. <see cref="ProximalTerm"/>); the trainer
/// applies each kind of hook with its own implementation, one per hook type.
/// </summary>
public interface ILocalHook;
