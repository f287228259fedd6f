// The reads the idempotent creates (@kith/idempotency IdempotentCreates) look for an earlier
// attempt's record with: a record that is not there answers undefined, not an error.
import * as grpc from '@grpc/grpc-js';
import { mapContactError } from './contact-error.mapper';

export async function unlessNotFound<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (err) {
    if (mapContactError(err)?.code === grpc.status.NOT_FOUND) return undefined;
    throw err;
  }
}
