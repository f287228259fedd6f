// An in-memory DuplicateService with the real one's observable rules: rules at version 0
// (defaults) until stored, ABORTED on a stale version, duplicates and scan pages the test
// arranges, and merges that are idempotent per victim (another survivor: FAILED_PRECONDITION)
// and leave the victim a tombstone naming its survivor.
import * as grpc from '@grpc/grpc-js';
import { CONTACT_ERROR_REASONS } from '@kith/contracts';
import type { duplicateV1 } from '@kith/contracts';

type MatchingRulesMessage = duplicateV1.MatchingRules__Output;
import type { RequestContext } from '../../src/grpc/upstream-call';
import type { DefinitionOf } from '../../src/modules/contact/contact.client';
import { fakeUpstream } from './fake-upstream';
import type { FakeContacts } from './fake-contact-service';
import { grpcError } from './grpc-error';

const DEFAULTS: MatchingRulesMessage = {
  version: '0',
  isDefault: true,
  threshold: 10,
  rules: [{ name: 'same-email', fields: ['email'], weight: 10 }],
  updatedAt: '',
};

class DuplicateRules {
  private readonly rules = new Map<string, MatchingRulesMessage>();
  /** Arranged by tests: `<tenant>:<contactId>` -> its duplicates. */
  readonly duplicates = new Map<string, duplicateV1.DuplicateMatch__Output[]>();
  /** Arranged by tests: what every scan page answers. */
  scanPage: duplicateV1.ScanDuplicatesResponse__Output = {
    pairs: [],
    nextPageToken: '',
    scannedContacts: 0,
    truncated: false,
    skippedKeys: [],
  };
  private readonly merged = new Map<string, string>();

  constructor(private readonly contacts: FakeContacts) {}

  async GetMatchingRules(_req: duplicateV1.GetMatchingRulesRequest, ctx: RequestContext) {
    return { matchingRules: this.rules.get(ctx.tenantId) ?? DEFAULTS };
  }

  async PutMatchingRules(req: duplicateV1.PutMatchingRulesRequest, ctx: RequestContext) {
    const current = this.rules.get(ctx.tenantId) ?? DEFAULTS;
    if (String(req.expectedVersion) !== current.version) {
      throw grpcError(grpc.status.ABORTED, 'matching rules have changed');
    }
    const next: MatchingRulesMessage = {
      version: String(Number(current.version) + 1),
      isDefault: false,
      threshold: Number(req.threshold),
      rules: (req.rules ?? []).map((r) => ({
        name: r.name ?? '',
        fields: [...(r.fields ?? [])],
        weight: Number(r.weight),
      })),
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    this.rules.set(ctx.tenantId, next);
    return { matchingRules: next };
  }

  async ListDuplicates(req: duplicateV1.ListDuplicatesRequest, ctx: RequestContext) {
    await this.contacts.GetContact({ id: req.contactId ?? '' }, ctx);
    return { duplicates: this.duplicates.get(`${ctx.tenantId}:${req.contactId}`) ?? [] };
  }

  async ScanDuplicates(_req: duplicateV1.ScanDuplicatesRequest, _ctx: RequestContext) {
    return this.scanPage;
  }

  async MergeContacts(req: duplicateV1.MergeContactsRequest, ctx: RequestContext) {
    if (req.survivorId === req.victimId) {
      throw grpcError(grpc.status.INVALID_ARGUMENT, 'a contact cannot absorb itself', [
        { field: 'victimId', message: 'must differ from the survivor' },
      ]);
    }
    const { contact: survivor } = await this.contacts.GetContact({ id: req.survivorId ?? '' }, ctx);
    const key = `${ctx.tenantId}:${req.victimId}`;
    const earlier = this.merged.get(key);
    if (earlier && earlier !== req.survivorId) {
      throw grpcError(grpc.status.FAILED_PRECONDITION, `was merged into ${earlier}`, [], {
        reason: CONTACT_ERROR_REASONS.merged,
        metadata: { survivorId: earlier },
      });
    }
    if (!earlier) {
      await this.contacts.GetContact({ id: req.victimId ?? '' }, ctx);
      this.contacts.tombstone(req.victimId ?? '', req.survivorId ?? '', ctx);
    }
    this.merged.set(key, req.survivorId ?? '');
    return { survivor, victimId: req.victimId ?? '' };
  }
}

/** The duplicate service fake: its rules behind the generic fakeUpstream. */
export function fakeDuplicates(contacts: FakeContacts) {
  return fakeUpstream<DefinitionOf<'DuplicateService'>, DuplicateRules>(
    new DuplicateRules(contacts),
  );
}
