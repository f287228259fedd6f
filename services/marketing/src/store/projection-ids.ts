// `_id`s of the marketing service's read models: `<tenant>:<id>`, each part URI-encoded so a
// tenant or id holding ':' cannot collide with another pair.
export const projectionId = (tenantId: string, ...ids: string[]): string =>
  [tenantId, ...ids].map(encodeURIComponent).join(':');
