import fs from 'node:fs';
import path from 'node:path';
import { renderConfigurationDoc } from './config-docs';

fs.writeFileSync(path.resolve(__dirname, '../docs/configuration.md'), renderConfigurationDoc());
console.log('wrote docs/configuration.md');
