// A generic in-memory stand-in for any upstreamClient. `impl` holds the rules of the fake
// service as methods named after its rpcs (CreateContact, GetHousehold, ...) plus whatever
// helpers a test needs (tombstone, failNext, ...). Every rpc call is recorded in `calls`
// ({ method, request, ctx }) before it runs; an rpc `impl` lacks fails with UNIMPLEMENTED,
// as a real server without it would. Helpers and fields of `impl` are reached as they are.
import * as grpc from '@grpc/grpc-js';
import type { RequestContext } from '../../src/grpc/upstream-call';
import type { UpstreamClient } from '../../src/grpc/upstream-client';
import { grpcError } from './grpc-error';

export interface UpstreamCall {
  method: string;
  request: unknown;
  ctx: RequestContext;
}

export type FakeUpstream<Def extends grpc.ServiceDefinition, Impl = object> = UpstreamClient<Def> &
  Impl & { readonly calls: UpstreamCall[] };

/** rpc names are PascalCase; helpers of the fake are camelCase. */
const isRpcName = (name: string | symbol): name is string =>
  typeof name === 'string' && /^[A-Z]/.test(name);

export function fakeUpstream<Def extends grpc.ServiceDefinition, Impl extends object = object>(
  impl: Impl,
): FakeUpstream<Def, Impl> {
  const calls: UpstreamCall[] = [];
  return new Proxy(impl, {
    get(target, name, receiver) {
      if (name === 'calls') return calls;
      if (name === 'close') return () => undefined;
      if (!isRpcName(name)) return Reflect.get(target, name, receiver) as unknown;
      return async (request: unknown, ctx: RequestContext) => {
        calls.push({ method: name, request, ctx });
        const handler = Reflect.get(target, name, receiver) as unknown;
        if (typeof handler !== 'function') {
          throw grpcError(grpc.status.UNIMPLEMENTED, `${name} is not faked`);
        }
        return (handler as (req: unknown, ctx: RequestContext) => unknown).call(
          target,
          request,
          ctx,
        );
      };
    },
  }) as FakeUpstream<Def, Impl>;
}
