import fs from 'node:fs';
import path from 'node:path';
import { renderConfigurationDoc } from './config-docs';

test('docs/configuration.md matches the services’ config schemas (regenerate with `corepack pnpm run docs:config`)', () => {
  const onDisk = fs.readFileSync(path.resolve(__dirname, '../docs/configuration.md'), 'utf8');
  expect(onDisk).toBe(renderConfigurationDoc());
});
