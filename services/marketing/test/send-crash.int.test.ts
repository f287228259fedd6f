// At most once per contact across a crash: the marketing service runs as a real child process,
// is killed with SIGKILL in the middle of a send to a few hundred recipients, and started again;
// the restarted process resumes the send from its checkpoint. Mailpit must then hold at most one
// message per reachable recipient, every one the ledger calls sent, and the counts must add up:
// the recipients whose SMTP hand-off the kill may have cut are counted `unconfirmed`, never
// mailed twice. Runs the built service (services/marketing/dist; `corepack pnpm run build`).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { waitFor } from '@kith/testkit';
import { messagesTo } from './support/mailpit';
import {
  caller,
  marketingEnv,
  newTenant,
  startMarketingTestService,
  uniqueDomain,
  type MarketingTestEnv,
  type MarketingTestService,
} from './support/marketing-test-service';

const MAIN = path.resolve(__dirname, '../dist/main.js');
const REACHABLE = 240;
const OPTED_OUT = 30;
const NO_EMAIL = 30;

jest.setTimeout(180_000);

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let env: MarketingTestEnv;
let t: MarketingTestService;
let child: ChildProcess | undefined;
const output: string[] = [];

function startChild(): ChildProcess {
  const started = spawn(process.execPath, [MAIN], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => output.push(chunk.toString()) > 200 && output.shift();
  started.stdout?.on('data', keep);
  started.stderr?.on('data', keep);
  return started;
}

const exited = (proc: ChildProcess) =>
  new Promise<void>((resolve) =>
    proc.exitCode !== null || proc.signalCode ? resolve() : proc.once('exit', () => resolve()),
  );

beforeAll(async () => {
  if (!fs.existsSync(MAIN))
    throw new Error(`${MAIN} is missing: run corepack pnpm run build first`);
  const port = await freePort();
  env = marketingEnv('marketing-crash', {
    MARKETING_GRPC_PORT: String(port),
    // One connection and small batches: the send takes seconds, so the kill lands inside it.
    MARKETING_SMTP_CONNECTIONS: '1',
    MARKETING_SEND_BATCH: '20',
    // The restarted process finds the dead one's lease still fresh, and takes it over once it
    // has gone stale this long after the last checkpoint.
    MARKETING_SEND_LEASE_STALE_MS: '4000',
  });
  child = startChild();
  t = await startMarketingTestService('marketing-crash', {
    external: { address: `127.0.0.1:${port}`, env },
  });
});

afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await exited(child);
  }
  await t?.stop();
});

it('sends each reachable recipient at most one message when the service is killed mid-send and restarted', async () => {
  const tenant = newTenant();
  const domain = uniqueDomain();
  const open = { status: 'unknown' as const, suppressed: false, reasons: [] };
  const optedOut = {
    status: 'opted_out' as const,
    suppressed: true,
    reasons: ['opted-out' as const],
  };
  const noAddress = {
    status: 'unknown' as const,
    suppressed: true,
    reasons: ['no-valid-address' as const],
  };
  for (let i = 0; i < REACHABLE + OPTED_OUT + NO_EMAIL; i++) {
    const kind = i < REACHABLE ? 'open' : i < REACHABLE + OPTED_OUT ? 'out' : 'none';
    await t.feed.createPerson(
      tenant,
      { firstName: `R${i}`, lastName: 'Crash', email: `r${i}@${domain}` },
      {
        tags: ['crash'],
        ...(kind === 'none' ? { emails: [] } : {}),
        reachability: {
          email: kind === 'open' ? open : kind === 'out' ? optedOut : noAddress,
          sms: open,
          phone: open,
          mail: open,
        },
      },
    );
  }
  const profiles = t.mongo.db(t.dbName).collection('marketing_profiles');
  await waitFor(async () => (await profiles.countDocuments({ tenantId: tenant })) === 300, {
    what: '300 profiles',
    timeoutMs: 60_000,
  });
  const { segment } = await t.segments.CreateSegment(
    { name: 'Crash', definitionJson: '{"tag":"crash"}' },
    caller(tenant),
  );
  const { campaign } = await t.campaigns.CreateCampaign(
    {
      name: 'Crash',
      segmentId: segment!.id,
      subjectTemplate: 'Hi {{firstName}}',
      bodyTemplate: 'Body',
    },
    caller(tenant),
  );
  const id = campaign!.id;

  await t.campaigns.SendCampaign({ id }, caller(tenant, 'crash-send'));
  const atKill = await waitFor(
    async () => {
      const found = (await messagesTo(domain)).length;
      return found >= 40 ? found : undefined;
    },
    { what: 'the send under way', intervalMs: 20, timeoutMs: 60_000 },
  );
  child!.kill('SIGKILL');
  await exited(child!);
  const job = await t.mongo
    .db(t.dbName)
    .collection('campaign_sends')
    .findOne({ tenantId: tenant, campaignId: id });
  expect(job?.state).toBe('running');
  expect(atKill).toBeLessThan(REACHABLE);

  child = startChild();
  const sent = (await t.sent(tenant, id, 120_000)) as {
    counts: {
      audience: string;
      sent: string;
      unconfirmed: string;
      failed: string;
      excluded: Record<string, string>;
    };
  };

  const mail = await messagesTo(domain);
  const addresses = mail.map((m) => m.To[0]?.Address ?? '');
  const ledger = await t.mongo
    .db(t.dbName)
    .collection('campaign_messages')
    .find({ tenantId: tenant, campaignId: id })
    .toArray();
  const ledgerSent = ledger.filter((m) => m.state === 'sent').map((m) => String(m.to));
  const counts = {
    audience: Number(sent.counts.audience),
    sent: Number(sent.counts.sent),
    unconfirmed: Number(sent.counts.unconfirmed),
    failed: Number(sent.counts.failed),
  };
  process.stderr.write(
    `[send-crash] mail at kill ${atKill}, counts ${JSON.stringify(sent.counts)}, mailpit ${mail.length}\n`,
  );

  expect(new Set(addresses).size).toBe(addresses.length);
  expect(counts.audience).toBe(REACHABLE + OPTED_OUT + NO_EMAIL);
  expect(sent.counts.excluded).toEqual({
    'opted-out': String(OPTED_OUT),
    'no-email': String(NO_EMAIL),
  });
  expect(counts.failed).toBe(0);
  expect(counts.sent + counts.unconfirmed).toBe(REACHABLE);
  expect(ledger).toHaveLength(REACHABLE);
  expect(ledgerSent.every((a) => addresses.includes(a))).toBe(true);
  expect(mail.length).toBeGreaterThanOrEqual(counts.sent);
  expect(mail.length).toBeLessThanOrEqual(counts.sent + counts.unconfirmed);
  expect(
    addresses.every(
      (a) =>
        a.endsWith(`@${domain}`) &&
        /^r\d+@/.test(a) &&
        Number(a.slice(1, a.indexOf('@'))) < REACHABLE,
    ),
  ).toBe(true);
});
