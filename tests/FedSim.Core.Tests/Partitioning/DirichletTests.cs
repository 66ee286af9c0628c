using FedSim.Core.Partitioning;
using FedSim.Core.Randomness;

namespace FedSim.Core.Tests.Partitioning;

public sealed class DirichletTests
{
    [Theory]
    [InlineData(0.01)]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(1000.0)]
    public void A_draw_is_a_probability_vector(double beta)
    {
        var rng = Seeds.Generator(11);
        for (var i = 0; i < 2000; i++)
        {
            var p = DirichletDraw.Sample(beta, 10, rng);

            Assert.Equal(10, p.Length);
            Assert.All(p, x => Assert.True(x >= 0 && double.IsFinite(x), $"component {x}"));
            Assert.Equal(1.0, p.Sum(), 1e-9);
        }
    }

    [Fact]
    public void A_very_small_beta_concentrates_the_mass_on_one_party()
    {
        // Dir(0.01) over 10 parties almost always puts most of the mass on one component; Dir(1) (uniform on the
        // simplex) rarely does: P(max > 1/2) = 10 (1/2)^9, about 2%.
        int Concentrated(double beta)
        {
            var rng = Seeds.Generator(3);
            return Enumerable.Range(0, 500).Count(_ => DirichletDraw.Sample(beta, 10, rng).Max() > 0.5);
        }

        Assert.True(Concentrated(0.01) > 475, $"{Concentrated(0.01)} of 500 Dir(0.01) draws had a component above 1/2");
        Assert.True(Concentrated(1.0) < 50, $"{Concentrated(1.0)} of 500 Dir(1) draws had a component above 1/2");
    }

    [Fact]
    public void A_very_large_beta_is_close_to_uniform()
    {
        // Var of a Dir(1000 x 10) component = 0.1 * 0.9 / 10001, about 0.003^2; 0.03 is ten standard deviations.
        var rng = Seeds.Generator(4);
        for (var i = 0; i < 200; i++)
            Assert.All(DirichletDraw.Sample(1000, 10, rng), x => Assert.InRange(x, 0.07, 0.13));
    }

    [Fact]
    public void Components_have_mean_one_over_the_dimension()
    {
        // Dir(0.5 x 4): each component has mean 1/4 and sd sqrt(0.25 * 0.75 / 3) = 0.25; the mean of 4000 draws has
        // sd 0.004, so 0.02 is five standard deviations.
        var rng = Seeds.Generator(5);
        var sums = new double[4];
        for (var i = 0; i < 4000; i++)
        {
            var p = DirichletDraw.Sample(0.5, 4, rng);
            for (var j = 0; j < 4; j++) sums[j] += p[j];
        }
        Assert.All(sums, s => Assert.InRange(s / 4000, 0.23, 0.27));
    }

    [Fact]
    public void The_same_generator_seed_gives_the_same_draw()
    {
        Assert.Equal(DirichletDraw.Sample(0.3, 5, Seeds.Generator(9)), DirichletDraw.Sample(0.3, 5, Seeds.Generator(9)));
        Assert.NotEqual(DirichletDraw.Sample(0.3, 5, Seeds.Generator(9)), DirichletDraw.Sample(0.3, 5, Seeds.Generator(10)));
    }
}
