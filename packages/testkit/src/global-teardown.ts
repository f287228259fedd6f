// Stops what the global setup started (reused or external servers are left alone).
export default async function globalTeardown(): Promise<void> {
  await globalThis.kithInfra?.stop();
}
