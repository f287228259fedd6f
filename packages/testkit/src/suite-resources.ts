// What a test file opens once for all its tests (a service under test, its clients, a
// database connection): opened in beforeAll, closed in afterAll last first, the ones opened
// before a failed step too, so a half-started suite leaves no server or client behind.
// Jest's globals, as lifecycle-conformance.ts uses them.

/** A server, client or connection: stopped with stop() where it has one, else closed. */
export type SuiteResource = { stop(): unknown } | { close(): unknown };

/** Takes a resource to close after the suite; returns it, for the assignment the tests read. */
export type OwnResource = <R extends SuiteResource>(resource: R) => R;

/**
 * Registers beforeAll(open) and an afterAll that closes, last first, everything `open` handed
 * to `own`.
 */
export function openForSuite(open: (own: OwnResource) => Promise<void>): void {
  const owned: SuiteResource[] = [];
  beforeAll(async () => {
    await open((resource) => {
      owned.push(resource);
      return resource;
    });
  });
  afterAll(async () => {
    for (const resource of owned.reverse()) {
      await ('stop' in resource ? resource.stop() : resource.close());
    }
  });
}
