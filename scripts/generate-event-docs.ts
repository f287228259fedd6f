// Writes the rendered events catalogue into docs/ (events.md, events/*.json).
import fs from 'node:fs';
import path from 'node:path';
import { renderCatalogueDocs } from '../packages/events/src';

const docsDir = path.resolve(__dirname, '../docs');
fs.rmSync(path.join(docsDir, 'events'), { recursive: true, force: true });
for (const [file, content] of Object.entries(renderCatalogueDocs())) {
  fs.mkdirSync(path.dirname(path.join(docsDir, file)), { recursive: true });
  fs.writeFileSync(path.join(docsDir, file), content);
  console.log(`wrote docs/${file}`);
}
