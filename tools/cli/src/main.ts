#!/usr/bin/env node
// The kith command line. `kith import contacts file.csv`, `kith export contacts > out.csv`.
// Talks to the REST API only: KITH_API_URL (default http://127.0.0.1:8080), KITH_TOKEN.
import { Command, InvalidArgumentError, Option } from 'commander';
import { KithApi, apiConfigFromEnv } from './api-client';
import { exportContacts } from './export-command';
import { importContacts } from './import-command';

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 50_000) {
    throw new InvalidArgumentError('a whole number from 1 to 50000');
  }
  return n;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function buildProgram(): Command {
  const program = new Command('kith').description('Kith from the command line.');
  const api = () => new KithApi(apiConfigFromEnv());

  program
    .command('import')
    .description('Import a CSV file.')
    .argument('<what>', 'contacts (people) or organizations')
    .argument('<file>', 'the CSV file, header row first')
    .option(
      '--map <column=field>',
      'map a column to a field (repeatable; field "-" ignores it)',
      collect,
      [],
    )
    .addOption(
      new Option('--on-duplicate <action>', 'a row matching an existing contact')
        .choices(['skip', 'update', 'create'])
        .default('skip'),
    )
    .option('--resume <jobId>', 'continue an interrupted import after its last stored row')
    .option('--dry-run', 'validate and match only, write nothing', false)
    .option('--chunk <rows>', 'rows per request', positiveInt, 10000)
    .option('--errors <file>', 'where to save the error report (default <file>.errors.csv)')
    .option('--no-progress', 'no progress bar')
    .action(async (what: string, file: string, opts) => {
      if (what !== 'contacts' && what !== 'organizations') {
        throw new InvalidArgumentError('import contacts|organizations <file>');
      }
      const job = await importContacts(api(), file, {
        ...opts,
        kind: what === 'contacts' ? 'person' : 'organization',
        progress: opts.progress && process.stderr.isTTY === true,
      });
      process.stdout.write(`${JSON.stringify({ id: job.id, counts: job.counts })}\n`);
    });

  program
    .command('export')
    .description('Export a list as CSV to stdout.')
    .argument('<what>', 'contacts (people) or organizations')
    .option('--tag <tag>', 'only records with this tag')
    .option('--name-prefix <prefix>', 'only names starting with this')
    .option('--email <address>', 'only records with this email')
    .option('--out <file>', 'write to a file instead of stdout')
    .action(async (what: string, opts) => {
      if (what !== 'contacts' && what !== 'organizations') {
        throw new InvalidArgumentError('export contacts|organizations');
      }
      await exportContacts(api(), what, opts);
    });
  return program;
}

if (require.main === module) {
  buildProgram()
    .parseAsync(process.argv)
    .catch((err: unknown) => {
      process.stderr.write(`kith: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    });
}
