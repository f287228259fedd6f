// Assembling one subject access export from the answers of every personal-data upstream
// (kith.privacy.v1.PersonalDataService, docs/privacy.md). Pure: the route calls the upstreams
// in parallel and passes their settled outcomes here. All or nothing: an export that silently
// missed a service would be presented to the data subject as complete, which it is not, so any
// failed or malformed answer fails the whole export (503, retry later). The one exception is
// the contact service saying NOT_FOUND: it owns contacts, so the id does not exist (404).

/** gRPC's NOT_FOUND (google.rpc.Code 5): domain/ reads the status code, not the gRPC library. */
const GRPC_NOT_FOUND = 5;

export interface UpstreamSection {
  name: string;
  contentType: string;
  json: string;
}

export interface UpstreamAnswer {
  service: string;
  generatedAt: string;
  sections: UpstreamSection[];
}

export type UpstreamOutcome =
  | { upstream: string; ok: true; answer: UpstreamAnswer }
  | { upstream: string; ok: false; error: unknown };

export interface PersonalDataExport {
  contactId: string;
  generatedAt: string;
  services: Record<string, { generatedAt: string; sections: Record<string, unknown> }>;
}

/** Why an export cannot be given; the route maps it to 404 or 503. */
export class ExportFailure extends Error {
  override readonly name = 'ExportFailure';
  constructor(
    readonly reason: 'not-found' | 'incomplete',
    /** The upstreams that failed (for the log; never shown to the client). */
    readonly upstreams: string[],
  ) {
    super(`personal data export ${reason}: ${upstreams.join(', ')}`);
  }
}

/** The upstream that owns contacts: its NOT_FOUND means the contact does not exist. */
export const OWNER_UPSTREAM = 'contact';

export function assembleExport(
  contactId: string,
  generatedAt: string,
  outcomes: readonly UpstreamOutcome[],
): PersonalDataExport {
  const owner = outcomes.find((o) => o.upstream === OWNER_UPSTREAM);
  if (owner && !owner.ok && isNotFound(owner.error)) {
    throw new ExportFailure('not-found', [OWNER_UPSTREAM]);
  }
  const services: PersonalDataExport['services'] = {};
  const failed: string[] = [];
  for (const outcome of outcomes) {
    const sections = outcome.ok ? parseSections(outcome.answer.sections) : undefined;
    if (!outcome.ok || !sections) {
      failed.push(outcome.upstream);
      continue;
    }
    services[outcome.upstream] = { generatedAt: outcome.answer.generatedAt, sections };
  }
  if (failed.length > 0) throw new ExportFailure('incomplete', failed);
  return { contactId, generatedAt, services };
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && (error as { code?: unknown }).code === GRPC_NOT_FOUND;
}

/** Sections by name, their JSON parsed; undefined when any is not the JSON it claims to be. */
function parseSections(sections: readonly UpstreamSection[]): Record<string, unknown> | undefined {
  const parsed: Record<string, unknown> = {};
  for (const section of sections) {
    if (section.contentType !== 'application/json' || !section.name || section.name in parsed) {
      return undefined;
    }
    try {
      parsed[section.name] = JSON.parse(section.json) as unknown;
    } catch {
      return undefined;
    }
  }
  return parsed;
}

/**
 * The registry of upstreams from configuration: the contact service always (at its own
 * address), plus `name=host:port` pairs, comma-separated, as services are built.
 */
export function parseUpstreams(
  contactAddress: string,
  extra: string,
): Array<{ name: string; address: string }> {
  const upstreams = [{ name: OWNER_UPSTREAM, address: contactAddress }];
  for (const pair of extra
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [name, address] = pair.split('=').map((p) => p.trim());
    if (!name || !address)
      throw new Error(`personal data upstream "${pair}" is not name=host:port`);
    if (upstreams.some((u) => u.name === name)) {
      throw new Error(`personal data upstream "${name}" is listed twice`);
    }
    upstreams.push({ name, address });
  }
  return upstreams;
}
