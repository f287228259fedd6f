import * as grpc from '@grpc/grpc-js';
import { service as healthService } from 'grpc-health-check';

const HealthClient = grpc.makeClientConstructor(healthService, 'grpc.health.v1.Health');

export interface CheckHealthOptions {
  /** '' (default) asks about the server as a whole. */
  service?: string;
  timeoutMs?: number;
}

/** grpc.health.v1 Check: true only for SERVING; false for any other status or failure. */
export function checkHealth(address: string, opts: CheckHealthOptions = {}): Promise<boolean> {
  const client = new HealthClient(address, grpc.credentials.createInsecure());
  const deadline = new Date(Date.now() + (opts.timeoutMs ?? 2000));
  return new Promise<boolean>((resolve) => {
    client.makeUnaryRequest<{ service: string }, { status?: string }>(
      '/grpc.health.v1.Health/Check',
      (req) => Buffer.from(healthService.Check!.requestSerialize(req)),
      (buf) => healthService.Check!.responseDeserialize(buf) as { status?: string },
      { service: opts.service ?? '' },
      new grpc.Metadata(),
      { deadline },
      (err, res) => resolve(!err && res?.status === 'SERVING'),
    );
  }).finally(() => client.close());
}
