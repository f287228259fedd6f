// The style rules of eslint.config.mjs fire where they should: run eslint on made-up sources
// placed at real paths (nothing is written), so a rule that stops matching fails this test.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..');

interface LintMessage {
  ruleId: string | null;
  severity: 1 | 2;
}

function lint(filePath: string, source: string): LintMessage[] {
  let out: string | undefined;
  try {
    out = execFileSync(
      process.execPath,
      [
        path.join(root, 'node_modules/eslint/bin/eslint.js'),
        '--stdin',
        '--stdin-filename',
        filePath,
        '--format',
        'json',
      ],
      { cwd: root, input: source, encoding: 'utf8' },
    );
  } catch (err) {
    // eslint exits 1 when it found errors; the report is on stdout all the same.
    out = (err as { stdout?: string }).stdout;
    if (!out) throw err;
  }
  const [report] = JSON.parse(out) as Array<{ messages: LintMessage[] }>;
  return report?.messages ?? [];
}

const rulesOf = (messages: LintMessage[]) => messages.map((m) => `${m.ruleId}:${m.severity}`);

describe('eslint.config.mjs', () => {
  it('refuses every I/O import in a service domain/ file, type-only ones too', () => {
    const source = [
      "import mongoose from 'mongoose';",
      "import type { Db } from 'mongodb';",
      "import { Kafka } from 'kafkajs';",
      "import * as grpc from '@grpc/grpc-js';",
      "import { ConsumerRunner } from '@kith/bus';",
      'export const used = [mongoose, Kafka, grpc, ConsumerRunner];',
      'export type D = Db;',
      '',
    ].join('\n');

    const messages = lint('services/contact/src/domain/example-decisions.ts', source);

    expect(rulesOf(messages).filter((r) => r === 'no-restricted-imports:2')).toHaveLength(5);
  });

  it('lets app/ import the database driver', () => {
    const messages = lint(
      'services/contact/src/app/example.service.ts',
      "import mongoose from 'mongoose';\nexport const m = mongoose;\n",
    );

    expect(rulesOf(messages)).not.toContain('no-restricted-imports:2');
  });

  it('warns about a src file past 300 lines, and not about one of 300', () => {
    const lines = (n: number) =>
      Array.from({ length: n }, (_, i) => `export const v${i} = ${i};`).join('\n') + '\n';

    const long = lint('services/contact/src/app/example.service.ts', lines(301));
    const fits = lint('services/contact/src/app/example.service.ts', lines(300));

    expect(rulesOf(long)).toContain('max-lines:1');
    expect(rulesOf(fits)).not.toContain('max-lines:1');
  });
});
