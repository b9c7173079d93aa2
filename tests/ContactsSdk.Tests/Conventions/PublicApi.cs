using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace ContactsSdk.Tests.Conventions;

/// <summary>
/// The public surface of an assembly as sorted text, one line per type and member, with nullable
/// annotations and default values: the shape a reviewer needs to see when an API changes.
/// </summary>
internal static class PublicApi
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>Protected members too: a subclass outside the assembly (a test double, say) can reach them.</summary>
    private const BindingFlags DeclaredWithProtected = Declared | BindingFlags.NonPublic;

    public static string Describe(IEnumerable<Type> types)
    {
        var text = new StringBuilder();
        foreach (var type in types.OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            text.Append(DescribeType(type)).Append('\n');
            foreach (var member in Members(type).OrderBy(m => m, StringComparer.Ordinal))
            {
                text.Append("  ").Append(member).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string DescribeType(Type type)
    {
        if (type.IsEnum)
        {
            return "enum " + Name(type) + " : " + Name(Enum.GetUnderlyingType(type));
        }

        if (typeof(Delegate).IsAssignableFrom(type.BaseType))
        {
            return "delegate " + Name(type);
        }

        var kind = type.IsInterface ? "interface"
            : type.IsValueType ? (type.IsDefined(typeof(IsReadOnlyAttribute)) ? "readonly struct" : "struct")
            : type.IsAbstract && type.IsSealed ? "static class"
            : type.IsSealed ? "sealed class"
            : type.IsAbstract ? "abstract class"
            : "class";
        if (type.GetMethod("<Clone>$") is not null)
        {
            kind = kind.Replace("class", "record", StringComparison.Ordinal);
        }

        var bases = new List<string>();
        if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType))
        {
            bases.Add(Name(baseType));
        }

        bases.AddRange(type.GetInterfaces().Select(Name).OrderBy(n => n, StringComparer.Ordinal));
        return kind + " " + Name(type) + (bases.Count > 0 ? " : " + string.Join(", ", bases) : string.Empty);
    }

    private static IEnumerable<string> Members(Type type)
    {
        if (type.IsEnum)
        {
            return type.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Select(f => f.Name + " = " + Convert.ToInt64(f.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture));
        }

        var nullability = new NullabilityInfoContext();
        var members = new List<string>();
        foreach (var constructor in type.GetConstructors(DeclaredWithProtected).Where(IsVisible))
        {
            members.Add(Protected(constructor) + (constructor.IsStatic ? "static " : string.Empty) + "ctor(" + Parameters(constructor, nullability) + ")");
        }

        foreach (var property in type.GetProperties(Declared))
        {
            var accessors = new[] { property.GetMethod, property.SetMethod }.Where(a => a is { IsPublic: true }).ToList();
            if (accessors.Count == 0)
            {
                continue;
            }

            var setter = property.SetMethod is { IsPublic: true } set
                ? set.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)) ? " init;" : " set;"
                : string.Empty;
            members.Add(Static(accessors[0]!) + Name(nullability.Create(property)) + " " + property.Name
                + " {" + (property.GetMethod is { IsPublic: true } ? " get;" : string.Empty) + setter + " }");
        }

        foreach (var field in type.GetFields(Declared))
        {
            members.Add((field.IsLiteral ? "const " : field.IsStatic ? "static " : string.Empty) + (field.IsInitOnly ? "readonly " : string.Empty)
                + Name(nullability.Create(field)) + " " + field.Name);
        }

        foreach (var @event in type.GetEvents(Declared))
        {
            members.Add("event " + Name(@event.EventHandlerType!) + " " + @event.Name);
        }

        foreach (var method in type.GetMethods(DeclaredWithProtected).Where(IsVisible))
        {
            // Accessors are listed with their property or event; names with '<' cannot be called from C#.
            if ((method.IsSpecialName && !method.Name.StartsWith("op_", StringComparison.Ordinal)) || method.Name.Contains('<'))
            {
                continue;
            }

            var generic = method.IsGenericMethodDefinition ? "<" + string.Join(", ", method.GetGenericArguments().Select(a => a.Name)) + ">" : string.Empty;
            members.Add(Protected(method) + Static(method) + (method.IsAbstract && !type.IsInterface ? "abstract " : method.IsVirtual && !method.IsFinal && !type.IsInterface ? "virtual " : string.Empty)
                + Name(nullability.Create(method.ReturnParameter)) + " " + method.Name + generic + "(" + Parameters(method, nullability) + ")");
        }

        return members;
    }

    private static string Static(MethodInfo method) => method.IsStatic ? "static " : string.Empty;

    private static bool IsVisible(MethodBase member) => member.IsPublic || member.IsFamily || member.IsFamilyOrAssembly;

    private static string Protected(MethodBase member) => member.IsPublic ? string.Empty : "protected ";

    private static string Parameters(MethodBase method, NullabilityInfoContext nullability) =>
        string.Join(", ", method.GetParameters().Select(p =>
            (p.IsDefined(typeof(ParamArrayAttribute)) ? "params " : string.Empty)
            + (method.IsDefined(typeof(ExtensionAttribute)) && p.Position == 0 ? "this " : string.Empty)
            + (p.IsOut ? "out " : p.ParameterType.IsByRef ? (p.IsIn ? "in " : "ref ") : string.Empty)
            + Name(nullability.Create(p)) + " " + p.Name
            + (p.HasDefaultValue ? " = " + Literal(p.DefaultValue) : string.Empty)));

    private static string Literal(object? value) => value switch
    {
        null => "default",
        string s => "\"" + s + "\"",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "default",
    };

    /// <summary>A type with its nullable annotations, as C# writes it.</summary>
    private static string Name(NullabilityInfo info)
    {
        var type = info.Type.IsByRef ? info.Type.GetElementType()! : info.Type;
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Name(underlying) + "?";
        }

        string name;
        if (type.IsArray && info.ElementType is { } element)
        {
            name = Name(element) + "[]";
        }
        else if (type.IsGenericType && info.GenericTypeArguments.Length > 0)
        {
            name = GenericName(type, info.GenericTypeArguments.Select(Name));
        }
        else
        {
            name = Name(type);
        }

        return !type.IsValueType && info.ReadState == NullabilityState.Nullable ? name + "?" : name;
    }

    private static string Name(Type type)
    {
        if (type.IsByRef)
        {
            return Name(type.GetElementType()!);
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Name(underlying) + "?";
        }

        if (type.IsArray)
        {
            return Name(type.GetElementType()!) + "[]";
        }

        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        return type.IsGenericType ? GenericName(type, type.GetGenericArguments().Select(Name)) : Keyword(type) ?? type.FullName ?? type.Name;
    }

    private static string GenericName(Type type, IEnumerable<string> arguments)
    {
        var definition = type.GetGenericTypeDefinition().FullName!;
        return definition[..definition.IndexOf('`')] + "<" + string.Join(", ", arguments) + ">";
    }

    // Type.GetTypeCode reads an enum as its underlying type: enums keep their own name.
    private static string? Keyword(Type type) => type.IsEnum ? null : Type.GetTypeCode(type) switch
    {
        TypeCode.Boolean => "bool",
        TypeCode.Int32 => "int",
        TypeCode.Int64 => "long",
        TypeCode.Double => "double",
        TypeCode.String => "string",
        _ => type == typeof(object) ? "object" : type == typeof(void) ? "void" : null,
    };
}
