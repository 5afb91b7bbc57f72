/**
 * Turns a definition's PascalCase name into the camelCase member name users see:
 * `ContentLength` → `contentLength`, `ETag` → `eTag`, `SSECustomerKey` → `sseCustomerKey`,
 * `VPCId` → `vpcId`, `ID` → `id`.
 */
export function camelCase(name: string): string {
  const lead = /^[A-Z]+/.exec(name)?.[0] ?? '';
  if (lead.length === 0) return name;
  if (lead.length === name.length) return name.toLowerCase();
  // An upper-case run followed by a lower-case letter ends in the next word's capital.
  const keep = lead.length > 1 && /[a-z]/.test(name.charAt(lead.length)) ? 1 : 0;
  const cut = lead.length - keep;
  return name.slice(0, cut).toLowerCase() + name.slice(cut);
}
