import * as grpc from '@grpc/grpc-js';
import { createLogger } from '@kith/logger';
import {
  maskedFields,
  snakeCase,
  StatusError,
  unaryHandlers,
  versionFromProto,
  type CallContext,
} from '../src';

describe('versionFromProto', () => {
  it.each([
    ['42', 42],
    ['', 0],
    [undefined, 0],
  ])('reads the int64 %p as %p', (sent, version) => {
    expect(versionFromProto(sent)).toBe(version);
  });

  it('answers NaN for what is no number, for validation to refuse', () => {
    expect(versionFromProto('two')).toBeNaN();
  });
});

describe('maskedFields', () => {
  const allowed = ['nameOverride', 'mailingAddress', 'labelAToB'] as const;

  it('accepts each field in snake_case and lowerCamelCase, once', () => {
    expect(
      maskedFields(['name_override', 'mailingAddress', 'label_a_to_b', 'nameOverride'], allowed),
    ).toEqual({ fields: ['nameOverride', 'mailingAddress', 'labelAToB'], unknown: [] });
  });

  it('returns the paths that name no allowed field as sent', () => {
    expect(maskedFields(['members', 'toString', 'name_override'], allowed)).toEqual({
      fields: ['nameOverride'],
      unknown: ['members', 'toString'],
    });
  });

  it('spells a field in snake_case', () => {
    expect(snakeCase('labelBToA')).toBe('label_b_to_a');
  });
});

describe('unaryHandlers', () => {
  interface ShelfHandlers extends grpc.UntypedServiceImplementation {
    GetShelf: grpc.handleUnaryCall<{ id: string }, { id: string; tenantId: string }>;
    DropShelf: grpc.handleUnaryCall<{ id: string }, { dropped: boolean }>;
  }
  class ShelfGone extends Error {}

  const handlers = unaryHandlers<ShelfHandlers>(
    {
      GetShelf: async (req, ctx: CallContext) => ({ id: req.id, tenantId: ctx.tenantId }),
      DropShelf: async () => {
        throw new ShelfGone('gone');
      },
    },
    {
      logger: createLogger({ service: 'grpc-kit-test', level: 'silent' }),
      mapError: (err) =>
        err instanceof ShelfGone ? new StatusError(grpc.status.NOT_FOUND, 'shelf gone') : undefined,
    },
  );

  function call<Res>(handler: grpc.handleUnaryCall<{ id: string }, Res>, method: string) {
    const metadata = new grpc.Metadata();
    metadata.set('x-tenant-id', 'tenant-a');
    const fakeCall = {
      request: { id: 's-1' },
      metadata,
      getPath: () => `/kith.shelf.v1.ShelfService/${method}`,
      getDeadline: () => Infinity,
      once: () => fakeCall,
      removeListener: () => fakeCall,
    } as unknown as grpc.ServerUnaryCall<{ id: string }, Res>;
    return new Promise<{ err: grpc.ServiceError | null; res?: Res }>((resolve) =>
      handler(fakeCall, (err, res) =>
        resolve({ err: err as grpc.ServiceError | null, res: res ?? undefined }),
      ),
    );
  }

  it('answers each method with its function, given the call context', async () => {
    expect(await call(handlers.GetShelf, 'GetShelf')).toEqual({
      err: null,
      res: { id: 's-1', tenantId: 'tenant-a' },
    });
  });

  it("maps a method's error with the service's mapper", async () => {
    const { err } = await call(handlers.DropShelf, 'DropShelf');

    expect(err).toMatchObject({ code: grpc.status.NOT_FOUND, details: 'shelf gone' });
  });
});
