// ContactImport message -> the REST representation of an import job.
import type { contactImportV1 } from '@kith/contracts';

const ACTIONS = {
  DUPLICATE_ACTION_UNSPECIFIED: 'skip',
  DUPLICATE_ACTION_SKIP: 'skip',
  DUPLICATE_ACTION_UPDATE: 'update',
  DUPLICATE_ACTION_CREATE: 'create',
} as const;

export type DuplicateActionName = 'skip' | 'update' | 'create';

export const ACTION_TO_PROTO: Record<DuplicateActionName, contactImportV1.DuplicateAction> = {
  skip: 'DUPLICATE_ACTION_SKIP',
  update: 'DUPLICATE_ACTION_UPDATE',
  create: 'DUPLICATE_ACTION_CREATE',
};

export function toImportJobResource(job: contactImportV1.ContactImport__Output) {
  const self = `/v1/imports/${encodeURIComponent(job.id)}`;
  return {
    id: job.id,
    kind: job.kind === 'CONTACT_KIND_ORGANIZATION' ? 'organization' : 'person',
    onDuplicate: ACTIONS[job.onDuplicate],
    dryRun: job.dryRun,
    status: job.status === 'finished' ? 'finished' : 'open',
    checkpoint: Number(job.checkpoint),
    counts: {
      rows: Number(job.rows),
      created: Number(job.created),
      updated: Number(job.updated),
      skipped: Number(job.skipped),
      failed: Number(job.failed),
    },
    fileName: job.fileName || null,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    finishedAt: job.finishedAt || null,
    links: { self, errors: `${self}/errors.csv` },
  };
}
