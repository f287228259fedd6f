// In-memory stand-ins for the marketing service's SegmentService and CampaignService with the
// few observable rules the gateway's tests rely on: tenant-scoped ids, versions from 1, and a
// send answered `sending`. Everything else is UNIMPLEMENTED (fakeUpstream), as a server would.
import * as grpc from '@grpc/grpc-js';
import type { marketingV1 } from '@kith/contracts';
import type { RequestContext } from '../../src/grpc/upstream-call';
import type {
  CampaignServiceDefinition,
  SegmentServiceDefinition,
} from '../../src/modules/marketing/marketing.client';
import { fakeUpstream, type FakeUpstream } from './fake-upstream';
import { grpcError } from './grpc-error';

const at = '2026-12-01T00:00:00.000Z';

class SegmentRules {
  readonly records = new Map<string, marketingV1.Segment__Output>();
  private seq = 0;

  async CreateSegment(req: marketingV1.CreateSegmentRequest, ctx: RequestContext) {
    const id = `0193a1b2-0000-7000-8000-${String(++this.seq).padStart(12, '0')}`;
    const segment: marketingV1.Segment__Output = {
      id,
      tenantId: ctx.tenantId,
      version: '1',
      name: req.name ?? '',
      description: req.description ?? '',
      definitionJson: req.definitionJson ?? '{}',
      createdBy: ctx.userId,
      createdAt: at,
      updatedAt: at,
      deletedAt: '',
    };
    this.records.set(`${ctx.tenantId}/${id}`, segment);
    return { segment };
  }

  async GetSegment(req: marketingV1.GetSegmentRequest, ctx: RequestContext) {
    const segment = this.records.get(`${ctx.tenantId}/${req.id}`);
    if (!segment) throw grpcError(grpc.status.NOT_FOUND, `segment ${req.id} not found`);
    return { segment };
  }
}

class CampaignRules {
  async SendCampaign(req: marketingV1.SendCampaignRequest, ctx: RequestContext) {
    const campaign: marketingV1.Campaign__Output = {
      id: req.id ?? '',
      tenantId: ctx.tenantId,
      version: '2',
      name: 'Spring',
      channel: 'email',
      segmentId: 's-1',
      subjectTemplate: 'Hi',
      bodyTemplate: 'Body',
      sourceCode: '',
      fromAddress: 'news@example.org',
      state: 'sending',
      counts: { audience: '0', sent: '0', unconfirmed: '0', failed: '0', excluded: {} },
      createdBy: ctx.userId,
      createdAt: at,
      updatedAt: at,
      sendStartedAt: at,
      sendFinishedAt: '',
    };
    return { campaign };
  }
}

export function fakeSegments(): FakeUpstream<SegmentServiceDefinition, SegmentRules> {
  return fakeUpstream<SegmentServiceDefinition, SegmentRules>(new SegmentRules());
}

export function fakeCampaigns(): FakeUpstream<CampaignServiceDefinition, CampaignRules> {
  return fakeUpstream<CampaignServiceDefinition, CampaignRules>(new CampaignRules());
}
