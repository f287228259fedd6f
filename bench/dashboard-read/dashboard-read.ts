// bench/dashboard-read: what grouping at read time costs on the server in use. A tenant's gift
// facts (BENCH_DONORS donors, BENCH_GIFTS_PER_DONOR gifts each over three years) are seeded by
// raw insertMany in the analytics service's document shape; then the dashboard use case (the
// service's own reads: settings, read model state, merges, the facts, then the grouping) is
// timed against the raw ceiling of the same facts read, the driver's find of the same filter
// and projection. Both in the same run on the same database.
//
//   corepack pnpm run build && corepack pnpm --filter @kith/bench run dashboard-read
//   BENCH_DONORS=10000 BENCH_GIFTS_PER_DONOR=5 BENCH_READS=10 ... to change the load.
import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { mongoBackend, startInfra, testDbName } from '@kith/testkit';
import { DashboardService } from '../../services/analytics/src/app/dashboard.service';
import { AnalyticsSettingsRepository } from '../../services/analytics/src/store/analytics-settings.repository';
import { DonorMerges } from '../../services/analytics/src/store/donor-merges.repository';
import {
  DASHBOARD_PROJECTION,
  GiftFacts,
} from '../../services/analytics/src/store/gift-facts.repository';
import { ReadModelStates } from '../../services/analytics/src/store/read-model-state.repository';
import { percentile } from '../lib/load';

const donors = Number(process.env.BENCH_DONORS ?? 10000);
const perDonor = Number(process.env.BENCH_GIFTS_PER_DONOR ?? 5);
const reads = Number(process.env.BENCH_READS ?? 10);

async function timed(n: number, op: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const t0 = process.hrtime.bigint();
    await op();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return samples.sort((a, b) => a - b);
}

async function main() {
  const infra = await startInfra();
  const client = await MongoClient.connect(infra.mongoUrl);
  const dbName = testDbName('bench-dashboard-read');
  const db = client.db(dbName);
  try {
    const backend = await mongoBackend(client);
    const facts = new GiftFacts(db);
    await facts.ensureIndexes();
    const tenantId = 'bench';
    const months = ['2024-03', '2025-03', '2026-01', '2026-03', '2026-06', '2026-11'];
    const docs = [];
    for (let d = 0; d < donors; d += 1) {
      for (let g = 0; g < perDonor; g += 1) {
        const donationId = randomUUID();
        docs.push({
          _id: `${tenantId}:1:${donationId}:1`,
          tenantId,
          readModel: 1,
          donationId,
          version: 1,
          donorKey: `donor-${d}`,
          currency: g % 5 === 4 ? 'EUR' : 'USD',
          amountMinor: 1000 + g,
          refundedMinor: 0,
          month: months[(d + g) % months.length] as string,
          status: 'completed' as const,
        });
      }
    }
    const seeded = Date.now();
    for (let i = 0; i < docs.length; i += 1000) {
      await facts.collection.insertMany(docs.slice(i, i + 1000));
    }
    console.log(`seeded ${docs.length} facts in ${((Date.now() - seeded) / 1000).toFixed(1)} s`);
    const dashboards = new DashboardService({
      settings: new AnalyticsSettingsRepository(db, undefined as never),
      states: new ReadModelStates(db),
      facts,
      merges: new DonorMerges(db),
    });
    const rawFind = () =>
      facts.collection
        .find({ tenantId, readModel: 1 }, { projection: DASHBOARD_PROJECTION })
        .toArray();
    const dashboard = () => dashboards.dashboard({ tenantId, fiscalYear: 2026, currency: 'USD' });
    await rawFind();
    await dashboard();
    const rawBefore = await timed(reads, rawFind);
    const api = await timed(reads, dashboard);
    const rawAfter = await timed(reads, rawFind);
    const raw = [...rawBefore, ...rawAfter].sort((a, b) => a - b);
    const usd = (await dashboard()).currencies[0];
    const line = (label: string, s: number[]) =>
      `${label.padEnd(40)} p50 ${percentile(s, 50).toFixed(0)} ms  p99 ${percentile(s, 99).toFixed(0)} ms`;
    console.log(
      `dashboard-read: ${donors} donors, ${docs.length} facts, ${reads} reads each, ${infra.kind} servers, ${backend}`,
    );
    console.log(line('raw find of the facts (before+after)', raw));
    console.log(line('dashboard use case (reads + grouping)', api));
    console.log(
      `USD 2026: ${usd?.donors} donors, ${usd?.gifts} gifts, ${usd?.returningDonors} returning`,
    );
    console.log(
      `ratio dashboard/raw p50 ${(percentile(api, 50) / percentile(raw, 50)).toFixed(2)}×`,
    );
  } finally {
    await db.dropDatabase();
    await client.close();
    await infra.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
