// Generates types for every .proto under proto/ (a new service's file needs no edit here).
// The flags must match PROTO_LOADER_OPTIONS in src/index.ts.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeBarrels } from './barrels.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const protoRoot = path.resolve(here, '../../../proto');
const files = readdirSync(protoRoot, { recursive: true })
  .map(String)
  .filter((file) => file.endsWith('.proto'))
  .sort();
const bin = path.resolve(here, '../node_modules/.bin/proto-loader-gen-types');
execFileSync(
  bin,
  [
    ...files,
    '--longs=String',
    '--enums=String',
    '--defaults',
    '--oneofs',
    '--includeComments',
    '--grpcLib=@grpc/grpc-js',
    `--outDir=${path.resolve(here, '../src/generated')}`,
    '-I',
    protoRoot,
  ],
  { stdio: 'inherit' },
);
// The short-name barrels (contactV1, householdV1, ...) over the generated types.
writeBarrels(protoRoot, files, path.resolve(here, '../src/generated'));
