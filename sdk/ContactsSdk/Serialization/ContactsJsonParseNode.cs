using System;
using System.Collections.Generic;
using System.Text.Json;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace ContactsSdk.Serialization;

/// <summary>
/// Reads a JSON response into the Kiota models with the results of Kiota's own
/// <see cref="JsonParseNode"/>, at less cost on the paths every Contacts response takes, and with
/// property names matched ignoring case where no exact match exists.
/// </summary>
/// <remarks>
/// <para>
/// Kiota's node reads every string, integer and boolean through <c>JsonSerializer</c> (a reader and
/// a converter per value) and looks each property up twice. This node reads those values straight
/// from the <see cref="JsonElement"/>, which gives the same value for every input that Kiota's route
/// accepts; wherever the fast read does not succeed (a number out of range, a date-time that is not
/// ISO 8601) it asks Kiota's node, so the answer, or the exception, is Kiota's.
/// </para>
/// <para>
/// One deliberate difference: a property name that matches no field exactly is matched ignoring
/// letter case (<see cref="PropertyNameMatching"/>), because Marketing Cloud varies the case of its
/// field names; Kiota's node would put such a property into <c>AdditionalData</c>.
/// </para>
/// <para>
/// Everything else (other value types, enums, untyped nodes, and the conversion of properties the
/// model does not know into <c>AdditionalData</c>) is delegated to Kiota's node unchanged.
/// </para>
/// </remarks>
internal sealed class ContactsJsonParseNode : IParseNode
{
    private readonly JsonElement _element;

    public ContactsJsonParseNode(JsonElement element) => _element = element;

    /// <inheritdoc />
    public Action<IParsable>? OnBeforeAssignFieldValues { get; set; }

    /// <inheritdoc />
    public Action<IParsable>? OnAfterAssignFieldValues { get; set; }

    /// <inheritdoc />
    public string? GetStringValue() => _element.ValueKind == JsonValueKind.String ? _element.GetString() : null;

    /// <inheritdoc />
    public bool? GetBoolValue() => _element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    /// <inheritdoc />
    public int? GetIntValue()
    {
        if (_element.ValueKind != JsonValueKind.Number)
        {
            return null;
        }
        return _element.TryGetInt32(out var value) ? value : Kiota().GetIntValue();
    }

    /// <inheritdoc />
    public long? GetLongValue()
    {
        if (_element.ValueKind != JsonValueKind.Number)
        {
            return null;
        }
        return _element.TryGetInt64(out var value) ? value : Kiota().GetLongValue();
    }

    /// <inheritdoc />
    public DateTimeOffset? GetDateTimeOffsetValue()
    {
        if (_element.ValueKind != JsonValueKind.String)
        {
            return null;
        }
        return _element.TryGetDateTimeOffset(out var value) ? value : Kiota().GetDateTimeOffsetValue();
    }

    /// <inheritdoc />
    public byte? GetByteValue() => Kiota().GetByteValue();

    /// <inheritdoc />
    public sbyte? GetSbyteValue() => Kiota().GetSbyteValue();

    /// <inheritdoc />
    public float? GetFloatValue() => Kiota().GetFloatValue();

    /// <inheritdoc />
    public double? GetDoubleValue() => Kiota().GetDoubleValue();

    /// <inheritdoc />
    public decimal? GetDecimalValue() => Kiota().GetDecimalValue();

    /// <inheritdoc />
    public Guid? GetGuidValue() => Kiota().GetGuidValue();

    /// <inheritdoc />
    public TimeSpan? GetTimeSpanValue() => Kiota().GetTimeSpanValue();

    /// <inheritdoc />
    public Date? GetDateValue() => Kiota().GetDateValue();

    /// <inheritdoc />
    public Time? GetTimeValue() => Kiota().GetTimeValue();

    /// <inheritdoc />
    public byte[]? GetByteArrayValue() => Kiota().GetByteArrayValue();

    /// <inheritdoc />
    public T? GetEnumValue<[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicFields)] T>()
        where T : struct, Enum => Kiota().GetEnumValue<T>();

    /// <inheritdoc />
    public IEnumerable<T?> GetCollectionOfEnumValues<[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicFields)] T>()
        where T : struct, Enum => Kiota().GetCollectionOfEnumValues<T>();

    /// <inheritdoc />
    public IEnumerable<T> GetCollectionOfPrimitiveValues<[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicFields)] T>() =>
        Kiota().GetCollectionOfPrimitiveValues<T>();

    /// <inheritdoc />
    public IParseNode? GetChildNode(string identifier)
    {
        if (_element.ValueKind == JsonValueKind.Object
            && _element.TryGetProperty(identifier ?? throw new ArgumentNullException(nameof(identifier)), out var child))
        {
            return Child(child);
        }
        return null;
    }

    /// <inheritdoc />
    /// <remarks>Read at once into a list (Kiota's generated models copy the sequence into one anyway).</remarks>
    public IEnumerable<T> GetCollectionOfObjectValues<T>(ParsableFactory<T> factory) where T : IParsable
    {
        if (_element.ValueKind != JsonValueKind.Array)
        {
            return new List<T>();
        }
        var items = new List<T>(_element.GetArrayLength());
        foreach (var element in _element.EnumerateArray())
        {
            items.Add(Child(element).GetObjectValue(factory));
        }
        return items;
    }

    /// <inheritdoc />
    public T GetObjectValue<T>(ParsableFactory<T> factory) where T : IParsable
    {
        if (typeof(T) == typeof(UntypedNode))
        {
            return Kiota().GetObjectValue(factory);
        }
        var item = factory(this);
        OnBeforeAssignFieldValues?.Invoke(item);
        AssignFieldValues(item);
        OnAfterAssignFieldValues?.Invoke(item);
        return item;
    }

    private void AssignFieldValues(IParsable item)
    {
        if (_element.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        IDictionary<string, object>? additionalData = null;
        if (item is IAdditionalDataHolder holder)
        {
            holder.AdditionalData ??= new Dictionary<string, object>();
            additionalData = holder.AdditionalData;
        }

        var deserializers = item.GetFieldDeserializers();
        IDictionary<string, object>? unknownValues = null;
        foreach (var property in _element.EnumerateObject())
        {
            if (PropertyNameMatching.TryFind(deserializers, _element, property.Name, out var deserializer))
            {
                if (property.Value.ValueKind != JsonValueKind.Null)
                {
                    deserializer(Child(property.Value));
                }
            }
            else if (additionalData is not null)
            {
                // A property the model does not know: Kiota's own conversion, so AdditionalData holds
                // exactly what it would with Kiota's node (rare: the spec models every field seen).
                unknownValues ??= KiotaAdditionalData(_element);
                if (!additionalData.ContainsKey(property.Name) && unknownValues.TryGetValue(property.Name, out var value))
                {
                    additionalData.Add(property.Name, value);
                }
            }
        }
    }

    private ContactsJsonParseNode Child(JsonElement element) => new(element)
    {
        OnBeforeAssignFieldValues = OnBeforeAssignFieldValues,
        OnAfterAssignFieldValues = OnAfterAssignFieldValues,
    };

    private JsonParseNode Kiota() => new(_element, KiotaJsonSerializationContext.Default)
    {
        OnBeforeAssignFieldValues = OnBeforeAssignFieldValues,
        OnAfterAssignFieldValues = OnAfterAssignFieldValues,
    };

    /// <summary>Every property of <paramref name="element"/> as Kiota's node stores an unknown property.</summary>
    private static IDictionary<string, object> KiotaAdditionalData(JsonElement element)
    {
        var holder = new AdditionalDataOnly();
        new JsonParseNode(element, KiotaJsonSerializationContext.Default).GetObjectValue(_ => holder);
        return holder.AdditionalData;
    }

    /// <summary>A model without fields: Kiota's node puts every property into its AdditionalData.</summary>
    private sealed class AdditionalDataOnly : IParsable, IAdditionalDataHolder
    {
        private static readonly Dictionary<string, Action<IParseNode>> s_none = new();

        public IDictionary<string, object> AdditionalData { get; set; } = new Dictionary<string, object>();

        public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => s_none;

        public void Serialize(ISerializationWriter writer) => throw new NotSupportedException();
    }
}
