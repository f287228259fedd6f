// An in-memory InteractionService with the real one's observable rules that the gateway
// relies on: tenant-scoped ids, versions, ABORTED on a stale version, FAILED_PRECONDITION with
// field errors for contacts it does not know, NOT_FOUND naming the survivor of a merged
// contact's timeline (whose other entries a test sets in `timelineEntries`, kept to the kinds
// asked for), and the same interaction for the same raw message.
import { createHash } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import { CONTACT_ERROR_REASONS, type interactionV1 } from '@kith/contracts';
import type { RequestContext } from '../../src/grpc/upstream-call';
import type { InteractionServiceDefinition } from '../../src/modules/interaction/interaction.client';
import { grpcError } from './grpc-error';
import { fakeUpstream, type FakeUpstream } from './fake-upstream';

type Message = interactionV1.Interaction__Output;

class InteractionRules {
  readonly records = new Map<string, Message>();
  /** Contact ids the fake knows as live; `merged` maps victims to survivors. */
  readonly live = new Set<string>(['c-ada', 'c-bob']);
  readonly merged = new Map<string, string>();
  /** Gift, soft credit and refund entries a timeline shows after its interactions. */
  readonly timelineEntries: interactionV1.TimelineEntry__Output[] = [];
  private readonly mail = new Map<string, string>();
  private seq = 0;

  async CreateInteraction(req: interactionV1.CreateInteractionRequest, ctx: RequestContext) {
    return { interaction: this.store(req.fields ?? {}, ctx, 'manual') };
  }

  async GetInteraction(req: interactionV1.GetInteractionRequest, ctx: RequestContext) {
    return { interaction: this.find(req.id ?? '', ctx) };
  }

  async UpdateInteraction(req: interactionV1.UpdateInteractionRequest, ctx: RequestContext) {
    const current = this.writable(req.id ?? '', req.expectedVersion, ctx);
    const next = { ...current, version: String(Number(current.version) + 1) };
    if (req.updateMask?.paths?.includes('subject')) next.subject = req.fields?.subject ?? '';
    this.records.set(key(ctx.tenantId, next.id), next);
    return { interaction: next };
  }

  async DeleteInteraction(req: interactionV1.DeleteInteractionRequest, ctx: RequestContext) {
    const current = this.writable(req.id ?? '', req.expectedVersion, ctx);
    const next = {
      ...current,
      version: String(Number(current.version) + 1),
      deletedAt: current.updatedAt,
    };
    this.records.set(key(ctx.tenantId, next.id), next);
    return { interaction: next };
  }

  async ListInteractions(req: interactionV1.ListInteractionsRequest, ctx: RequestContext) {
    const mine = [...this.records.values()].filter(
      (i) =>
        i.tenantId === ctx.tenantId &&
        (!req.contactId || i.participantContactIds.includes(req.contactId)),
    );
    return { interactions: mine.reverse(), page: { nextPageToken: '' } };
  }

  async ListContactTimeline(req: interactionV1.ListContactTimelineRequest, ctx: RequestContext) {
    const survivor = this.merged.get(req.contactId ?? '');
    if (survivor) {
      throw grpcError(grpc.status.NOT_FOUND, 'merged', [], {
        reason: CONTACT_ERROR_REASONS.merged,
        metadata: { survivorId: survivor },
      });
    }
    const page = await this.ListInteractions({ contactId: req.contactId ?? '' }, ctx);
    const entries = [
      ...page.interactions.map((i) => ({
        kind: 'interaction',
        occurredAt: i.occurredAt,
        interaction: i,
        gift: null,
        softCredit: null,
        refund: null,
        campaignMessage: null,
      })),
      ...this.timelineEntries,
    ];
    const kinds = req.kinds ?? [];
    const asked = kinds.length === 0 ? entries : entries.filter((e) => kinds.includes(e.kind));
    return { entries: asked, page: { nextPageToken: '' } };
  }

  async IngestMail(req: interactionV1.IngestMailRequest, ctx: RequestContext) {
    const raw = Buffer.from(req.raw as Buffer);
    const hash = `${ctx.tenantId}:${createHash('sha256').update(raw).digest('hex')}`;
    const known = this.mail.get(hash);
    if (known)
      return {
        interaction: this.find(known, ctx),
        created: false,
        unmatchedAddresses: ['x@y.example'],
      };
    const interaction = this.store(
      {
        type: 'INTERACTION_TYPE_EMAIL',
        occurredAt: '2026-12-01T10:00:00.000Z',
        participantContactIds: ['c-ada'],
      },
      ctx,
      'mail',
    );
    this.mail.set(hash, interaction.id);
    return { interaction, created: true, unmatchedAddresses: ['x@y.example'] };
  }

  private store(
    fields: interactionV1.InteractionFields,
    ctx: RequestContext,
    source: string,
  ): Message {
    const ids = fields.participantContactIds ?? [];
    const errors = ids.flatMap((id, i) =>
      this.live.has(id)
        ? []
        : [{ field: `participantContactIds[${i}]`, message: `${id} is not a contact` }],
    );
    if (errors.length > 0)
      throw grpcError(grpc.status.FAILED_PRECONDITION, 'not a contact', errors);
    const now = new Date(Date.UTC(2026, 0, 1, 0, 0, this.seq)).toISOString();
    const interaction: Message = {
      id: `i-${String(++this.seq).padStart(4, '0')}`,
      tenantId: ctx.tenantId,
      version: '1',
      type: (fields.type as Message['type']) ?? 'INTERACTION_TYPE_NOTE',
      direction: 'INTERACTION_DIRECTION_OUTBOUND',
      occurredAt: fields.occurredAt ?? now,
      durationMinutes: fields.durationMinutes ?? 0,
      subject: fields.subject ?? '',
      body: fields.body ?? '',
      bodyTruncated: false,
      participantContactIds: [...ids],
      loggedBy: ctx.userId,
      organizationId: '',
      campaignId: '',
      opportunityId: '',
      source,
      mail: null,
      createdAt: now,
      updatedAt: now,
      deletedAt: '',
    };
    this.records.set(key(ctx.tenantId, interaction.id), interaction);
    return interaction;
  }

  private writable(id: string, expectedVersion: unknown, ctx: RequestContext): Message {
    const current = this.find(id, ctx);
    if (current.version !== String(expectedVersion)) {
      throw grpcError(grpc.status.ABORTED, `interaction ${current.id} has changed`);
    }
    return current;
  }

  private find(id: string, ctx: RequestContext): Message {
    const found = this.records.get(key(ctx.tenantId, id));
    if (!found) throw grpcError(grpc.status.NOT_FOUND, `interaction ${id} not found`);
    return { ...found };
  }
}

const key = (tenantId: string, id: string) => `${tenantId}\n${id}`;

export type FakeInteractions = FakeUpstream<InteractionServiceDefinition, InteractionRules>;

export const fakeInteractions = (): FakeInteractions =>
  fakeUpstream<InteractionServiceDefinition, InteractionRules>(new InteractionRules());
