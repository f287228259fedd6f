// Writes the short-name barrels (`src/generated/<name>-v1.ts`) and their index from what the
// proto files declare, so a message or service added to a .proto is exported without an edit
// here. A barrel holds the top-level types its files declare, plus the types of the same
// package they use from files they import (household.proto's PostalAddress).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import protobuf from 'protobufjs';

/** Barrels that gather several files under one name; every other file is a barrel of its own. */
export const BARREL_GROUPS = {
  privacy: ['kith/privacy/v1/personal_data.proto', 'kith/contact/v1/contact_privacy.proto'],
  // Types any service may use instead of another service's: Money, PostalAddress, paging.
  common: [
    'kith/common/v1/address.proto',
    'kith/common/v1/money.proto',
    'kith/common/v1/paging.proto',
  ],
};

const camel = (snake) => snake.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
const pascal = (snake) => camel(snake).replace(/^[a-z]/, (c) => c.toUpperCase());
const kebab = (snake) => snake.replace(/_/g, '-');

/** Every top-level message, enum and service, with the file that declares it. */
function declarations(protoRoot, files) {
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => path.resolve(protoRoot, target);
  root.loadSync(
    files.map((f) => path.join(protoRoot, f)),
    { keepCase: false },
  );
  const found = [];
  const walk = (ns) => {
    for (const child of ns.nestedArray) {
      const file = child.filename ? path.relative(protoRoot, child.filename) : undefined;
      if (child instanceof protobuf.Type || child instanceof protobuf.Enum) {
        if (file)
          found.push({
            kind: 'type',
            name: child.name,
            pkg: ns.fullName.slice(1),
            file,
            used: usedTypes(child),
          });
      } else if (child instanceof protobuf.Service) {
        if (file)
          found.push({
            kind: 'service',
            name: child.name,
            pkg: ns.fullName.slice(1),
            file,
            used: usedTypes(child),
          });
      } else if (child instanceof protobuf.Namespace) {
        walk(child);
      }
    }
  };
  root.resolveAll();
  walk(root);
  return found;
}

/** Full names of the types a message's fields or a service's methods use. */
function usedTypes(obj) {
  if (obj instanceof protobuf.Service) {
    return obj.methodsArray
      .flatMap((m) => [m.resolvedRequestType, m.resolvedResponseType])
      .map((t) => t.fullName.slice(1));
  }
  if (!(obj instanceof protobuf.Type)) return [];
  return [
    ...obj.fieldsArray.flatMap((f) => (f.resolvedType ? [f.resolvedType.fullName.slice(1)] : [])),
    ...obj.nestedArray.flatMap((n) => usedTypes(n)),
  ];
}

function exportLines(decl) {
  const from = `./${[...decl.pkg.split('.'), decl.name].join('/')}`;
  const names =
    decl.kind === 'service'
      ? [`${decl.name}Client`, `${decl.name}Handlers`]
      : [decl.name, `${decl.name}__Output`];
  return `export type { ${names.join(', ')} } from '${from}';`;
}

export function writeBarrels(protoRoot, files, outDir) {
  const basenames = files.map((f) => path.basename(f, '.proto'));
  const twice = basenames.filter((b, i) => basenames.indexOf(b) !== i);
  // proto-loader-gen-types names its per-file output after the basename alone.
  if (twice.length > 0) throw new Error(`proto files share a basename: ${twice.join(', ')}`);
  const decls = declarations(protoRoot, files);
  const byFullName = new Map(decls.map((d) => [`${d.pkg}.${d.name}`, d]));
  const grouped = new Set(Object.values(BARREL_GROUPS).flat());
  const barrels = [
    ...Object.entries(BARREL_GROUPS).map(([name, members]) => ({ name, files: members })),
    ...files
      .filter((f) => !grouped.has(f))
      .map((f) => ({ name: path.basename(f, '.proto'), files: [f] })),
  ];
  mkdirSync(outDir, { recursive: true });
  const index = [];
  for (const barrel of barrels) {
    const own = decls.filter((d) => barrel.files.includes(d.file));
    const pkgs = new Set(own.map((d) => d.pkg));
    const version = [...pkgs][0]?.split('.').pop() ?? 'v1';
    const picked = new Map(own.map((d) => [`${d.pkg}.${d.name}`, d]));
    // Same-package types the barrel's declarations use from imported files, transitively.
    for (let grew = true; grew;) {
      grew = false;
      for (const d of [...picked.values()]) {
        for (const used of d.used) {
          const top = [...byFullName.keys()].find((k) => used === k || used.startsWith(`${k}.`));
          const dep = top && byFullName.get(top);
          if (dep && pkgs.has(dep.pkg) && !picked.has(top)) {
            picked.set(top, dep);
            grew = true;
          }
        }
      }
    }
    const names = [...picked.values()].map((d) => d.name);
    const clash = names.filter((n, i) => names.indexOf(n) !== i);
    if (clash.length > 0)
      throw new Error(`barrel ${barrel.name} would export ${clash.join(', ')} twice`);
    const file = `${kebab(barrel.name)}-${version}`;
    const lines = [
      `// Generated by packages/contracts/scripts/barrels.mjs from ${barrel.files.join(', ')}. Do not edit.`,
      ...[...picked.values()].sort((a, b) => a.name.localeCompare(b.name)).map(exportLines),
      '',
    ];
    writeFileSync(path.join(outDir, `${file}.ts`), lines.join('\n'));
    index.push(`export * as ${camel(barrel.name)}${pascal(version)} from './${file}';`);
  }
  for (const base of [...basenames].sort()) {
    index.push(`export type { ProtoGrpcType as ${pascal(base)}ProtoGrpcType } from './${base}';`);
  }
  writeFileSync(
    path.join(outDir, 'index.ts'),
    ['// Generated by packages/contracts/scripts/barrels.mjs. Do not edit.', ...index, ''].join(
      '\n',
    ),
  );
}

/** For the test: the names a barrel file exports. */
export function readBarrelNames(file) {
  return [...readFileSync(file, 'utf8').matchAll(/export type \{ ([^}]+) \}/g)].flatMap((m) =>
    m[1].split(',').map((s) => s.trim()),
  );
}
