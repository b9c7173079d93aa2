using System;
using System.ComponentModel;
using System.Globalization;

namespace ContactsSdk.Serialization;

/// <summary>
/// Lets the configuration binder read an <see cref="AccountId"/> (or <c>AccountId?</c>) from its text,
/// such as <c>MarketingCloud__AccountId=100012345</c>; a value that is not a MID fails the binding with
/// a message that names it.
/// </summary>
internal sealed class AccountIdTypeConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || sourceType == typeof(long) || base.CanConvertFrom(context, sourceType);

    public override bool CanConvertTo(ITypeDescriptorContext? context, Type? destinationType) =>
        destinationType == typeof(string) || base.CanConvertTo(context, destinationType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) => value switch
    {
        string text => AccountId.Parse(text.Trim()),
        long number => new AccountId(number),
        _ => base.ConvertFrom(context, culture, value),
    };

    public override object? ConvertTo(ITypeDescriptorContext? context, CultureInfo? culture, object? value, Type destinationType) =>
        value is AccountId id && destinationType == typeof(string)
            ? id.ToString()
            : base.ConvertTo(context, culture, value, destinationType);
}
