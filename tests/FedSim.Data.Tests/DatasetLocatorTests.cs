namespace FedSim.Data.Tests;

[Collection(EnvironmentCollection.Name)]
public sealed class DatasetLocatorTests : IDisposable
{
    private static readonly string[] Required = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte"];

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Runs <paramref name="body"/> with $FEDSIM_DATA set to <paramref name="value"/> (null: unset), then restores it.</summary>
    private static void WithDataVariable(string? value, Action body)
    {
        var saved = Environment.GetEnvironmentVariable(DatasetLocator.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(DatasetLocator.EnvironmentVariable, value);
            body();
        }
        finally
        {
            Environment.SetEnvironmentVariable(DatasetLocator.EnvironmentVariable, saved);
        }
    }

    private string MakeDir(string relative, params string[] files)
    {
        var dir = _dir.Combine(relative);
        Directory.CreateDirectory(dir);
        foreach (var f in files) File.WriteAllBytes(Path.Combine(dir, f), [0]);
        return dir;
    }

    [Fact]
    public void Finds_raw_files_in_dataset_path()
    {
        var dir = MakeDir("scenario", Required);
        WithDataVariable(null, () => Assert.Equal(dir, DatasetLocator.Locate("fashion-mnist", dir, Required)));
    }

    [Fact]
    public void Finds_gzipped_files_in_dataset_path()
    {
        var dir = MakeDir("scenario", "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz");
        WithDataVariable(null, () => Assert.Equal(dir, DatasetLocator.Locate("fashion-mnist", dir, Required)));
    }

    [Fact]
    public void Accepts_a_mix_of_raw_and_gzipped_files()
    {
        var dir = MakeDir("scenario", "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte");
        WithDataVariable(null, () => Assert.Equal(dir, DatasetLocator.Locate("fashion-mnist", dir, Required)));
    }

    [Fact]
    public void Dataset_path_wins_over_FEDSIM_DATA()
    {
        var scenario = MakeDir("scenario", Required);
        var env = MakeDir("env", Required);
        WithDataVariable(env, () => Assert.Equal(scenario, DatasetLocator.Locate("fashion-mnist", scenario, Required)));
    }

    [Fact]
    public void Falls_back_to_FEDSIM_DATA_itself_when_there_is_no_dataset_path()
    {
        var env = MakeDir("env", Required);
        WithDataVariable(env, () =>
        {
            Assert.Equal(env, DatasetLocator.Locate("fashion-mnist", null, Required));
            Assert.Equal(env, DatasetLocator.Locate("fashion-mnist", "", Required));
        });
    }

    [Fact]
    public void Falls_back_to_the_sub_directory_of_FEDSIM_DATA_named_after_the_dataset()
    {
        var env = MakeDir("env");
        var sub = MakeDir(Path.Combine("env", "mnist"), Required);
        WithDataVariable(env, () => Assert.Equal(sub, DatasetLocator.Locate("mnist", null, Required)));
    }

    [Fact]
    public void A_dataset_path_that_lacks_a_file_is_refused_naming_the_file_even_when_FEDSIM_DATA_holds_the_data()
    {
        var scenario = MakeDir("scenario", Required[0]);
        var env = MakeDir("env", Required);
        WithDataVariable(env, () =>
        {
            var e = Assert.Throws<DatasetNotFoundException>(() => DatasetLocator.Locate("fashion-mnist", scenario, Required));

            Assert.Contains($"dataset.path {scenario} lacks {Required[1]}", e.Message);
            Assert.DoesNotContain(Required[0] + ",", e.Message[..e.Message.IndexOf("(expected", StringComparison.Ordinal)]);
            Assert.DoesNotContain(env, e.Message);
        });
    }

    [Fact]
    public void FEDSIM_DATA_itself_is_tried_before_its_dataset_sub_directory()
    {
        var env = MakeDir("env", Required);
        MakeDir(Path.Combine("env", "mnist"), Required);
        WithDataVariable(env, () => Assert.Equal(env, DatasetLocator.Locate("mnist", null, Required)));
    }

    [Fact]
    public void When_nothing_is_found_the_message_names_every_place_looked_and_the_debian_package()
    {
        var env = MakeDir("env");
        // A file no real installation has, so the installed Debian package cannot satisfy the search either.
        string[] required = [.. Required, "fedsim-test-missing-file"];

        WithDataVariable(env, () =>
        {
            var e = Assert.Throws<DatasetNotFoundException>(() => DatasetLocator.Locate("fashion-mnist", null, required));

            Assert.Contains("fashion-mnist", e.Message);
            Assert.Contains($"{env} ($FEDSIM_DATA)", e.Message);
            Assert.Contains($"{Path.Combine(env, "fashion-mnist")} ($FEDSIM_DATA)", e.Message);
            Assert.Contains("/usr/share/datasets/fashion-mnist (Debian package)", e.Message);
            Assert.Contains("apt-get install dataset-fashion-mnist", e.Message);
            foreach (var f in required) Assert.Contains(f + "[.gz]", e.Message);
        });
    }

    [Fact]
    public void Mnist_has_no_debian_package_so_the_message_says_to_set_the_path_instead()
    {
        WithDataVariable(null, () =>
        {
            var e = Assert.Throws<DatasetNotFoundException>(() => DatasetLocator.Locate("mnist", null, ["fedsim-test-missing-file"]));

            Assert.Contains("Debian has no package for it", e.Message);
            Assert.Contains("set dataset.path", e.Message);
            Assert.DoesNotContain("apt-get", e.Message);
        });
    }

    [Fact]
    public void A_dataset_path_that_does_not_exist_is_refused_without_looking_elsewhere()
    {
        var scenario = _dir.Combine("missing");
        var env = MakeDir("env", Required);
        WithDataVariable(env, () =>
        {
            var e = Assert.Throws<DatasetNotFoundException>(() => DatasetLocator.Locate("fashion-mnist", scenario, Required));

            Assert.Contains($"dataset.path {scenario} does not exist", e.Message);
            Assert.DoesNotContain("$FEDSIM_DATA", e.Message);
            Assert.DoesNotContain("Debian package", e.Message);
        });
    }

    [Fact]
    public void A_dataset_without_a_debian_package_gets_a_hint_to_set_the_path_instead()
    {
        WithDataVariable(null, () =>
        {
            var e = Assert.Throws<DatasetNotFoundException>(() => DatasetLocator.Locate("my-images", null, Required));

            Assert.Contains("/usr/share/datasets/my-images (Debian package)", e.Message);
            Assert.DoesNotContain("apt-get", e.Message);
            Assert.Contains("set dataset.path (or $FEDSIM_DATA)", e.Message);
        });
    }

    [Fact]
    public void FindFile_returns_the_raw_or_the_gzipped_file_or_null()
    {
        var dir = MakeDir("d", "a", "b.gz", "c", "c.gz");

        Assert.Equal(Path.Combine(dir, "a"), DatasetLocator.FindFile(dir, "a"));
        Assert.Equal(Path.Combine(dir, "b.gz"), DatasetLocator.FindFile(dir, "b"));
        Assert.Equal(Path.Combine(dir, "c"), DatasetLocator.FindFile(dir, "c"));
        Assert.Null(DatasetLocator.FindFile(dir, "d"));
        Assert.Null(DatasetLocator.FindFile(_dir.Combine("no-such-dir"), "a"));
    }

    [Fact]
    public void A_directory_named_like_a_required_file_does_not_count_as_the_file()
    {
        var dir = MakeDir("d");
        Directory.CreateDirectory(Path.Combine(dir, "train-images-idx3-ubyte"));

        Assert.Null(DatasetLocator.FindFile(dir, "train-images-idx3-ubyte"));
    }

    [RealDatasetFact]
    public void Without_path_or_FEDSIM_DATA_finds_the_installed_debian_package()
    {
        WithDataVariable(null, () => Assert.Equal(RealDatasetFactAttribute.Directory,
            DatasetLocator.Locate("fashion-mnist", null,
                ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"])));
    }
}
