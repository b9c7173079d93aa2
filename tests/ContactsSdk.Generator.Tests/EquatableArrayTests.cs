using System.Collections.Generic;
using Xunit;

namespace ContactsSdk.Generator.Tests;

public sealed class EquatableArrayTests
{
    [Fact]
    public void Arrays_with_the_same_items_are_equal_and_hash_alike()
    {
        var left = new EquatableArray<string>(new[] { "a", "b" });
        var right = new EquatableArray<string>(new List<string> { "a", "b" });

        Assert.Equal(left, right);
        Assert.True(left == right);
        Assert.False(left != right);
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
        Assert.True(left.Equals((object)right));
    }

    [Fact]
    public void Order_and_length_matter()
    {
        var ab = new EquatableArray<string>(new[] { "a", "b" });

        Assert.NotEqual(ab, new EquatableArray<string>(new[] { "b", "a" }));
        Assert.NotEqual(ab, new EquatableArray<string>(new[] { "a" }));
        Assert.NotEqual(ab, new EquatableArray<string>(new[] { "a", "b", "c" }));
    }

    [Fact]
    public void Default_and_empty_are_the_same_empty_array()
    {
        EquatableArray<string> defaultValue = default;

        Assert.Equal(EquatableArray<string>.Empty, defaultValue);
        Assert.Equal(EquatableArray<string>.Empty.GetHashCode(), defaultValue.GetHashCode());
        Assert.True(defaultValue.Count == 0);
        Assert.True(defaultValue.IsEmpty);
        Assert.Empty(defaultValue);
    }

    [Fact]
    public void Items_compare_by_value_not_reference()
    {
        var left = new EquatableArray<Model.StateMappingModel>(new[] { new Model.StateMappingModel("A", "B") });
        var right = new EquatableArray<Model.StateMappingModel>(new[] { new Model.StateMappingModel("A", "B") });

        Assert.Equal(left, right);
        Assert.Equal("B", right[0].State);
    }

    [Fact]
    public void Nested_arrays_compare_by_value()
    {
        var left = new EquatableArray<EquatableArray<string>>(new[] { new EquatableArray<string>(new[] { "x" }) });
        var right = new EquatableArray<EquatableArray<string>>(new[] { new EquatableArray<string>(new[] { "x" }) });

        Assert.Equal(left, right);
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
    }
}
