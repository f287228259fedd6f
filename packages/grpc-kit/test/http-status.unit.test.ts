import { status } from '@grpc/grpc-js';
import { httpStatusForGrpc } from '../src';

const cases: Array<[keyof typeof status, number]> = [
  ['OK', 200],
  ['CANCELLED', 503],
  ['UNKNOWN', 500],
  ['INVALID_ARGUMENT', 400],
  ['DEADLINE_EXCEEDED', 504],
  ['NOT_FOUND', 404],
  ['ALREADY_EXISTS', 409],
  ['PERMISSION_DENIED', 403],
  ['RESOURCE_EXHAUSTED', 429],
  ['FAILED_PRECONDITION', 422],
  ['ABORTED', 409],
  ['OUT_OF_RANGE', 400],
  ['UNIMPLEMENTED', 501],
  ['INTERNAL', 500],
  ['UNAVAILABLE', 503],
  ['DATA_LOSS', 500],
  ['UNAUTHENTICATED', 401],
];

describe('httpStatusForGrpc', () => {
  it.each(cases)('maps %s to HTTP %i', (name, http) => {
    expect(httpStatusForGrpc(status[name])).toBe(http);
  });

  it('has a row for every gRPC status code', () => {
    const allCodes = Object.keys(status).filter((k) => Number.isNaN(Number(k)));

    expect(cases.map(([name]) => name).sort()).toEqual(allCodes.sort());
  });
});
