import fs from 'node:fs';
import path from 'node:path';
import { eventCatalogue, renderAsyncApi, renderCatalogueDocs } from '../src';

const docsDir = path.resolve(__dirname, '../../../docs');

describe('the events catalogue in docs/', () => {
  const rendered = renderCatalogueDocs();

  it.each(Object.keys(rendered))(
    '%s matches the catalogue (regenerate with `corepack pnpm run docs:events`)',
    (file) => {
      const onDisk = fs.readFileSync(path.join(docsDir, file), 'utf8');
      expect(onDisk).toBe(rendered[file]);
    },
  );

  it('has no stale schema files for event types that left the catalogue', () => {
    const onDisk = fs.readdirSync(path.join(docsDir, 'events')).map((f) => `events/${f}`);
    expect(onDisk.sort()).toEqual(
      Object.keys(rendered)
        .filter((f) => f.startsWith('events/'))
        .sort(),
    );
  });

  it('lists every catalogue type as a message of its topic in the AsyncAPI document', () => {
    const doc = renderAsyncApi() as {
      channels: Record<string, { address: string; messages: Record<string, unknown> }>;
      components: { messages: Record<string, { name: string }> };
    };
    const names = Object.values(doc.components.messages).map((m) => m.name);
    expect(names.sort()).toEqual(Object.keys(eventCatalogue).sort());
    for (const [type, entry] of Object.entries(eventCatalogue)) {
      const channel = Object.values(doc.channels).find((c) => c.address === entry.topic);
      expect(channel?.messages[type.replace(/\./g, '-')]).toBeDefined();
    }
  });
});
