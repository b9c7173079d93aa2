namespace ContactsSdk.Testing.Json;

/// <summary>
/// Which route a contact selection (type plus values or targetList) belongs to: the delete and
/// restrict routes read the same selection and report its errors in their own words.
/// </summary>
/// <param name="ResultType">The <c>resultType</c> of the route's service errors.</param>
/// <param name="InvalidTypeCode">The <c>resultCode</c> of an unknown <c>type</c>.</param>
/// <param name="Verb">What the route does to the contacts ("delete", "restrict").</param>
/// <param name="Noun">What the route starts ("delete", "restriction").</param>
internal sealed record ContactRequestKind(string ResultType, string InvalidTypeCode, string Verb, string Noun)
{
    public static readonly ContactRequestKind Delete = new("DeleteRequest", "InvalidDeleteType", "delete", "delete");

    public static readonly ContactRequestKind Restrict = new("RestrictRequest", "InvalidRestrictType", "restrict", "restriction");
}
