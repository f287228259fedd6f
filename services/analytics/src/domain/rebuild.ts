// A rebuild of a tenant's read model: a new consumer group reads the transaction topic from
// offset 0 into the next version while the live group keeps the current one (and, from the
// moment the rebuild began, the next one too). It has caught up when its group has committed,
// on every partition, the end offset the topic had right after the rebuild was registered:
// every later event was also applied to the new version by the live group.
export type RebuildStatus = 'running' | 'completed' | 'abandoned';

/** One partition's offsets when the rebuild began (Kafka's low and high watermarks). */
export interface PartitionTarget {
  partition: number;
  low: string;
  high: string;
}

export interface Rebuild {
  id: string;
  tenantId: string;
  version: number;
  status: RebuildStatus;
  fromReadModel: number;
  toReadModel: number;
  startedAt: string;
  completedAt?: string;
  targets: PartitionTarget[];
}

/** The consumer group of a rebuild (a new one each time, so it starts at the earliest offset). */
export const rebuildGroupId = (rebuildId: string): string => `analytics-rebuild-${rebuildId}`;

/**
 * True when every partition that had events is read up to its target: `committed` holds the
 * group's committed offsets by partition (the next offset to read; absent or -1: none yet).
 */
export function caughtUp(
  targets: readonly PartitionTarget[],
  committed: ReadonlyMap<number, string>,
): boolean {
  return targets.every(({ partition, low, high }) => {
    if (BigInt(high) <= BigInt(low)) return true;
    const offset = committed.get(partition);
    return offset !== undefined && offset !== '-1' && BigInt(offset) >= BigInt(high);
  });
}

export function completed(rebuild: Rebuild, now: string): Rebuild {
  return { ...rebuild, version: rebuild.version + 1, status: 'completed', completedAt: now };
}

export function abandoned(rebuild: Rebuild, now: string): Rebuild {
  return { ...rebuild, version: rebuild.version + 1, status: 'abandoned', completedAt: now };
}
