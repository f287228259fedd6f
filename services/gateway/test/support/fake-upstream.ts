// A generic in-memory stand-in for any upstreamClient: each rpc the test implements answers
// from its handler, every call is recorded ({ method, request, ctx }), and an rpc the test did
// not implement fails with UNIMPLEMENTED, as a real server without it would.
import * as grpc from '@grpc/grpc-js';
import type { RequestContext } from '../../src/grpc/upstream-call';
import type { UpstreamClient, UpstreamMethods } from '../../src/grpc/upstream-client';
import { grpcError } from './fake-contact-gateway';

export interface UpstreamCall {
  method: string;
  request: unknown;
  ctx: RequestContext;
}

export type FakeUpstream<Def extends grpc.ServiceDefinition> = UpstreamClient<Def> & {
  readonly calls: UpstreamCall[];
};

export function fakeUpstream<Def extends grpc.ServiceDefinition>(
  handlers: Partial<UpstreamMethods<Def>>,
): FakeUpstream<Def> {
  const calls: UpstreamCall[] = [];
  const implemented = handlers as Record<string, (req: unknown, ctx: RequestContext) => unknown>;
  return new Proxy({} as FakeUpstream<Def>, {
    get(target, name) {
      if (Reflect.has(target, name)) return Reflect.get(target, name) as unknown;
      if (name === 'calls') return calls;
      if (name === 'close') return () => undefined;
      if (typeof name !== 'string' || name === 'then') return undefined;
      return async (request: unknown, ctx: RequestContext) => {
        calls.push({ method: name, request, ctx });
        const handler = implemented[name];
        if (!handler) throw grpcError(grpc.status.UNIMPLEMENTED, `${name} is not faked`);
        return handler.call(handlers, request, ctx);
      };
    },
  });
}
