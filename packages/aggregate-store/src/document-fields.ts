// Stored documents leave optional fields out rather than storing undefined, null or '', and
// read them back the same way, so domain equality checks and event snapshots stay clean and
// `$unset` of an absent optional field (updateVersioned) is the whole story.

/** The set fields of `value`: those whose value is undefined, null or '' are left out. */
export function withoutAbsent<T extends object>(
  value: T,
): { [K in keyof T]?: Exclude<T[K], null | undefined> } {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== null && v !== ''),
  ) as { [K in keyof T]?: Exclude<T[K], null | undefined> };
}
