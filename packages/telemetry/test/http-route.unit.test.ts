import { context, trace } from '@opentelemetry/api';
import { getRPCMetadata, RPCType, setRPCMetadata } from '@opentelemetry/core';
import { setHttpRoute } from '../src';

describe('setHttpRoute', () => {
  it("records the route template in the HTTP request's RPC metadata, which names its span", () => {
    const span = trace.wrapSpanContext({
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
      traceFlags: 1,
    });
    const requestContext = setRPCMetadata(context.active(), { type: RPCType.HTTP, span });

    const recorded = context.with(requestContext, () => setHttpRoute('/v1/contacts/:id'));

    expect(recorded).toBe(true);
    expect(getRPCMetadata(requestContext)).toMatchObject({ route: '/v1/contacts/:id' });
  });

  it('does nothing outside an HTTP request', () => {
    expect(setHttpRoute('/v1/contacts')).toBe(false);
  });
});
