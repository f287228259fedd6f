// Server reflection as a real client uses it: grpcurl (Go's protodesc, the strictest common
// consumer of reflection) lists the running contact service, describes every service it serves
// and calls methods knowing only what reflection returned (no .proto files). grpcurl is built
// once from the Go module proxy into the clone's .kith/bin (or taken from GRPCURL); the test
// is skipped, saying why, only when it cannot be built.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { startContactService, type TestContactService } from './support/start-contact-service';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../../..');
const BIN_DIR = path.join(ROOT, '.kith', 'bin');
const GRPCURL_MODULE = 'github.com/fullstorydev/grpcurl/cmd/grpcurl@latest';

/** The services the contact process registers, plus what grpc-kit adds to every server. */
const SERVICES = [
  'kith.contact.v1.ContactService',
  'kith.contact.v1.CustomFieldService',
  'kith.contact.v1.HouseholdService',
  'kith.contact.v1.RelationshipService',
  'kith.contact.v1.ContactPrivacyService',
  'kith.privacy.v1.PersonalDataService',
  'kith.contact.v1.DuplicateService',
  'kith.contact.v1.ContactImportService',
  'grpc.health.v1.Health',
];

/**
 * grpcurl's path, building it first if needed; or why there is none. Synchronous, while jest
 * collects the tests, so that a missing tool marks them skipped rather than passed.
 */
function findGrpcurl(): { bin: string } | { reason: string } {
  if (process.env.GRPCURL) return { bin: process.env.GRPCURL };
  const bin = path.join(BIN_DIR, 'grpcurl');
  if (existsSync(bin)) return { bin };
  mkdirSync(BIN_DIR, { recursive: true });
  try {
    execFileSync('go', ['install', GRPCURL_MODULE], {
      env: { ...process.env, GOBIN: BIN_DIR },
      stdio: 'pipe',
      timeout: 540_000,
    });
    return { bin };
  } catch (err) {
    const { stderr, message } = err as { stderr?: Buffer; message?: string };
    const said = (stderr?.toString() || message || String(err)).trim().split('\n').slice(-3);
    return { reason: `go install ${GRPCURL_MODULE} failed: ${said.join(' ')}` };
  }
}

const grpcurl = findGrpcurl();
if ('reason' in grpcurl)
  process.stdout.write(`skipping grpcurl reflection tests: ${grpcurl.reason}\n`);
const withGrpcurl = 'bin' in grpcurl ? it : it.skip;

let running: TestContactService | undefined;
let address: string;

beforeAll(async () => {
  if (!('bin' in grpcurl)) return;
  running = await startContactService('grpc-reflection');
  address = `127.0.0.1:${running.service.grpcPort}`;
});

afterAll(async () => {
  await running?.stop();
});

const tenantHeaders = (tenant: string) => [
  '-H',
  `x-tenant-id: ${tenant}`,
  '-H',
  'x-user-id: reflection-test',
  '-H',
  'x-roles: admin',
];

async function grpcurlRun(...args: string[]): Promise<string> {
  if (!('bin' in grpcurl)) throw new Error('no grpcurl');
  const { stdout } = await run(grpcurl.bin, ['-plaintext', ...args], { timeout: 30_000 });
  return stdout;
}

describe('server reflection through grpcurl', () => {
  withGrpcurl('lists every service the contact process serves', async () => {
    const listed = (await grpcurlRun(address, 'list')).split('\n').filter(Boolean);

    expect(listed).toEqual(expect.arrayContaining(SERVICES));
  });

  withGrpcurl('describes every listed service, with every type its methods use', async () => {
    const listed = (await grpcurlRun(address, 'list')).split('\n').filter(Boolean);

    for (const service of listed) {
      const described = await grpcurlRun(address, 'describe', service);
      const name = service.slice(service.lastIndexOf('.') + 1);
      expect(described).toContain(`service ${name} {`);
    }
    // What failed before the descriptors named their imports (FieldMask) and their map entries.
    const update = await grpcurlRun(address, 'describe', 'kith.contact.v1.UpdateContactRequest');
    const healthList = await grpcurlRun(address, 'describe', 'grpc.health.v1.HealthListResponse');
    expect(update).toMatch(/\.google\.protobuf\.FieldMask updateMask = 4;/);
    expect(healthList).toMatch(
      /map<string, \.grpc\.health\.v1\.HealthCheckResponse> statuses = 1;/,
    );
  });

  withGrpcurl('creates and reads a contact knowing only what reflection returned', async () => {
    const tenant = `tenant-reflection-${Date.now()}`;
    const create = JSON.stringify({
      kind: 'CONTACT_KIND_PERSON',
      fields: { person: { firstName: 'Ada', lastName: 'Lovelace' } },
    });

    const created = JSON.parse(
      await grpcurlRun(
        ...tenantHeaders(tenant),
        '-d',
        create,
        address,
        'kith.contact.v1.ContactService/CreateContact',
      ),
    ) as { contact: { id: string; displayName: string; version: string } };
    const read = JSON.parse(
      await grpcurlRun(
        ...tenantHeaders(tenant),
        '-d',
        JSON.stringify({ id: created.contact.id }),
        address,
        'kith.contact.v1.ContactService/GetContact',
      ),
    ) as { contact: { id: string; displayName: string } };
    const health = JSON.parse(await grpcurlRun(address, 'grpc.health.v1.Health/Check')) as {
      status: string;
    };

    expect(created.contact.displayName).toBe('Ada Lovelace');
    expect(read.contact).toMatchObject({ id: created.contact.id, displayName: 'Ada Lovelace' });
    expect(health.status).toBe('SERVING');
  });
});
