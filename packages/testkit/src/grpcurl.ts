// Server reflection as a real client uses it: grpcurl (Go's protodesc, the strictest common
// consumer of reflection), built once from the Go module proxy into the clone's .kith/bin (or
// taken from GRPCURL). `describeReflectionThroughGrpcurl` is the suite every service runs: it
// lists the running process, describes every service it serves, and makes one call knowing only
// what reflection returned. The suite is skipped, saying why, only when grpcurl cannot be built.
// Jest's globals (describe, it, expect), not an import of @jest/globals: see lifecycle-conformance.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../../..');
const BIN_DIR = path.join(ROOT, '.kith', 'bin');
const GRPCURL_MODULE = 'github.com/fullstorydev/grpcurl/cmd/grpcurl@latest';

let found: { bin: string } | { reason: string } | undefined;

/**
 * grpcurl's path, building it first if needed; or why there is none. Synchronous, while jest
 * collects the tests, so that a missing tool marks them skipped rather than passed.
 */
export function findGrpcurl(): { bin: string } | { reason: string } {
  if (found) return found;
  if (process.env.GRPCURL) return (found = { bin: process.env.GRPCURL });
  const bin = path.join(BIN_DIR, 'grpcurl');
  if (existsSync(bin)) return (found = { bin });
  mkdirSync(BIN_DIR, { recursive: true });
  try {
    execFileSync('go', ['install', GRPCURL_MODULE], {
      env: { ...process.env, GOBIN: BIN_DIR },
      stdio: 'pipe',
      timeout: 540_000,
    });
    return (found = { bin });
  } catch (err) {
    const { stderr, message } = err as { stderr?: Buffer; message?: string };
    const said = (stderr?.toString() || message || String(err)).trim().split('\n').slice(-3);
    return (found = { reason: `go install ${GRPCURL_MODULE} failed: ${said.join(' ')}` });
  }
}

/** Runs grpcurl in plaintext with the arguments; its stdout. */
export async function grpcurlRun(...args: string[]): Promise<string> {
  const tool = findGrpcurl();
  if (!('bin' in tool)) throw new Error(`no grpcurl: ${tool.reason}`);
  const { stdout } = await run(tool.bin, ['-plaintext', ...args], { timeout: 30_000 });
  return stdout;
}

/** The caller metadata the gateway sends, as grpcurl -H arguments. */
export function grpcurlCaller(tenant: string): string[] {
  return [
    '-H',
    `x-tenant-id: ${tenant}`,
    '-H',
    'x-user-id: reflection-test',
    '-H',
    'x-roles: admin',
  ];
}

export interface ReflectionSubject {
  /** What the process is called in the test names, e.g. "the transaction process". */
  name: string;
  /** Starts the process; its gRPC address and how to stop it. */
  start(): Promise<{ address: string; stop(): Promise<void> }>;
  /** Every service the process registers, plus what grpc-kit adds (health, reflection). */
  services: string[];
  /** One call made knowing only what reflection returned; asserts what it answered. */
  call(address: string): Promise<void>;
}

export function describeReflectionThroughGrpcurl(subject: ReflectionSubject): void {
  const tool = findGrpcurl();
  if ('reason' in tool) process.stdout.write(`skipping grpcurl reflection tests: ${tool.reason}\n`);
  const withGrpcurl = 'bin' in tool ? it : it.skip;
  let running: { address: string; stop(): Promise<void> } | undefined;

  describe(`server reflection of ${subject.name} through grpcurl`, () => {
    beforeAll(async () => {
      if ('bin' in tool) running = await subject.start();
    });
    afterAll(async () => {
      await running?.stop();
    });

    const address = () => running?.address ?? '';
    const listed = async () => (await grpcurlRun(address(), 'list')).split('\n').filter(Boolean);

    withGrpcurl(`lists every service ${subject.name} serves`, async () => {
      expect(await listed()).toEqual(expect.arrayContaining(subject.services));
    });

    withGrpcurl('describes every listed service, with every type its methods use', async () => {
      for (const service of await listed()) {
        const described = await grpcurlRun(address(), 'describe', service);
        expect(described).toContain(`service ${service.slice(service.lastIndexOf('.') + 1)} {`);
        for (const type of described.matchAll(/\( \.([\w.]+) \)/g)) {
          // Every request and response type resolves from what reflection served.
          expect(await grpcurlRun(address(), 'describe', type[1] ?? '')).toMatch(/message /);
        }
      }
    });

    withGrpcurl('answers a call made knowing only what reflection returned', async () => {
      const health = JSON.parse(await grpcurlRun(address(), 'grpc.health.v1.Health/Check')) as {
        status: string;
      };
      expect(health.status).toBe('SERVING');
      await subject.call(address());
    });
  });
}
