import { extractTraceContext } from '@kith/telemetry';
import { outboxItems } from '../src';

const TRACEPARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

describe('outboxItems', () => {
  it('wraps each event in an envelope on the topic, keyed, in the trace given', () => {
    const trace = extractTraceContext({ traceparent: TRACEPARENT });

    const [item] = outboxItems(
      'kith.shelf.v1',
      'kith/shelf',
      [
        {
          type: 'kith.shelf.created.v1',
          key: 's-1',
          tenantId: 't-1',
          time: '2026-05-01T12:00:00.000Z',
          data: { shelf: { id: 's-1' } },
        },
      ],
      trace,
    );

    expect(item).toMatchObject({
      topic: 'kith.shelf.v1',
      key: 's-1',
      event: {
        type: 'kith.shelf.created.v1',
        source: 'kith/shelf',
        subject: 's-1',
        tenantId: 't-1',
        time: '2026-05-01T12:00:00.000Z',
        data: { shelf: { id: 's-1' } },
        traceparent: TRACEPARENT,
      },
    });
    expect(item?.event.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps a given event id and subject, and carries no trace outside one', () => {
    const [item] = outboxItems('kith.shelf.v1', 'kith/shelf', [
      {
        id: 'e-1',
        type: 'kith.shelf.moved.v1',
        key: 'tenant-1',
        subject: 's-1',
        tenantId: 'tenant-1',
        time: '2026-05-01T12:00:00.000Z',
        data: {},
      },
    ]);

    expect(item?.event).toMatchObject({ id: 'e-1', subject: 's-1' });
    expect(item?.event.traceparent).toBeUndefined();
  });
});
