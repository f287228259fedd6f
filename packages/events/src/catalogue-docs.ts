// Renders the event catalogue as documentation: a Markdown page for people, an AsyncAPI 3.0
// document and one JSON Schema per event type for tools. docs/ holds the rendered files;
// a unit test fails when they drift from the catalogue (`corepack pnpm run docs:events`).
import { eventCatalogue, type EventType } from './event-catalogue';
import { exportEventJsonSchemas } from './event-data';

const HEADERS = [
  ['ce_id', 'event id (UUIDv7); consumers deduplicate on it'],
  ['ce_type', 'event type, e.g. `kith.contact.created.v1`'],
  ['ce_source', 'the producing service, e.g. `kith/contact`'],
  ['ce_time', 'when the change happened, UTC ISO-8601'],
  ['ce_specversion', '`1.0`'],
  ['ce_subject', 'the aggregate id (the Kafka key)'],
  ['kithtenant', 'the tenant the change belongs to'],
  ['traceparent', 'W3C trace context of the request that caused the change'],
  ['content-type', '`application/json`; the message value is the event data'],
] as const;

function types(): EventType[] {
  return (Object.keys(eventCatalogue) as EventType[]).sort();
}

export function schemaFileName(type: string): string {
  return `${type}.schema.json`;
}

export function renderEventsMarkdown(): string {
  const lines = [
    '# Events catalogue',
    '',
    '<!-- Generated from packages/events by `corepack pnpm run docs:events`; do not edit. -->',
    '',
    'Every state change is published to Kafka as a CloudEvents 1.0 event in binary mode: the',
    'attributes travel as headers, the value is the JSON data. Keys order the events of one',
    'aggregate (same key, same partition). Evolution adds optional fields only; a breaking',
    'change is a new type version (`.v2`). Dead letters of a consumer group go to',
    '`<topic>.dlq.<group>` with `kith_error*` headers.',
    '',
    '## Headers',
    '',
    '| header | meaning |',
    '| --- | --- |',
    ...HEADERS.map(([name, meaning]) => `| \`${name}\` | ${meaning} |`),
    '',
    '## Event types',
    '',
    '| type | topic | key | meaning | schema |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const type of types()) {
    const entry = eventCatalogue[type];
    lines.push(
      `| \`${type}\` | \`${entry.topic}\` | ${entry.key} | ${entry.description} | [JSON Schema](events/${schemaFileName(type)}) |`,
    );
  }
  lines.push('', 'The AsyncAPI 3.0 document is [events/asyncapi.json](events/asyncapi.json).', '');
  return lines.join('\n');
}

export function renderAsyncApi(): Record<string, unknown> {
  const schemas = exportEventJsonSchemas();
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  for (const type of types()) {
    const entry = eventCatalogue[type];
    const channelId = entry.topic.replace(/\./g, '-');
    const messageId = type.replace(/\./g, '-');
    messages[messageId] = {
      name: type,
      title: type,
      summary: entry.description,
      contentType: 'application/json',
      headers: {
        type: 'object',
        required: HEADERS.filter(([h]) => h !== 'traceparent').map(([h]) => h),
        properties: Object.fromEntries(
          HEADERS.map(([h, meaning]) => [h, { type: 'string', description: meaning }]),
        ),
      },
      payload: schemas[type],
    };
    const channel = (channels[channelId] ??= {
      address: entry.topic,
      description: `Kafka topic; key: ${entry.key}.`,
      messages: {},
    }) as { messages: Record<string, unknown> };
    channel.messages[messageId] = { $ref: `#/components/messages/${messageId}` };
  }
  for (const channelId of Object.keys(channels)) {
    const channel = channels[channelId] as { messages: Record<string, { $ref: string }> };
    operations[`publish-${channelId}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${channelId}` },
      messages: Object.keys(channel.messages).map((m) => ({
        $ref: `#/channels/${channelId}/messages/${m}`,
      })),
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Kith events',
      version: '1.0.0',
      description: 'State changes of every Kith service, as CloudEvents 1.0 in Kafka binary mode.',
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: { messages },
  };
}

/** Every file under docs/ that the catalogue renders, by path relative to docs/. */
export function renderCatalogueDocs(): Record<string, string> {
  const files: Record<string, string> = {
    'events.md': renderEventsMarkdown(),
    'events/asyncapi.json': `${JSON.stringify(renderAsyncApi(), null, 2)}\n`,
  };
  const schemas = exportEventJsonSchemas();
  for (const type of types()) {
    files[`events/${schemaFileName(type)}`] = `${JSON.stringify(schemas[type], null, 2)}\n`;
  }
  return files;
}
