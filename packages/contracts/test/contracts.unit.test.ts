// The generated barrels export every top-level type the protos declare, and kith.common.v1
// holds what new services need without importing kith.contact.v1.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import protobuf from 'protobufjs';
import { PROTO_ROOT } from '../src';

const GENERATED = path.resolve(__dirname, '../src/generated');

function protoRoot(files: string[]): protobuf.Root {
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => path.resolve(PROTO_ROOT, target);
  root.loadSync(files.map((f) => path.join(PROTO_ROOT, f)));
  root.resolveAll();
  return root;
}

const protoFiles = readdirSync(PROTO_ROOT, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.proto'));

/** "file: Name" of every top-level message, enum and service. */
function declaredTopLevel(root: protobuf.Root): Array<{ file: string; name: string }> {
  const found: Array<{ file: string; name: string }> = [];
  const walk = (ns: protobuf.NamespaceBase): void => {
    for (const child of ns.nestedArray) {
      const file = child.filename ? path.relative(PROTO_ROOT, child.filename) : '';
      const isDeclaration =
        child instanceof protobuf.Type ||
        child instanceof protobuf.Enum ||
        child instanceof protobuf.Service;
      if (isDeclaration && file.startsWith('kith/')) found.push({ file, name: child.name });
      else if (!isDeclaration && child instanceof protobuf.Namespace) walk(child);
    }
  };
  walk(root);
  return found;
}

/** The barrel that names `file` in its header, and the names it exports. */
function barrelFor(file: string): { name: string; exports: string[] } | undefined {
  for (const name of readdirSync(GENERATED).filter((f) => /-v\d+\.ts$/.test(f))) {
    const text = readFileSync(path.join(GENERATED, name), 'utf8');
    const header = text.split('\n', 1)[0] ?? '';
    if (!header.includes(file)) continue;
    const exports = [...text.matchAll(/export type \{ ([^}]+) \}/g)].flatMap((m) =>
      (m[1] ?? '').split(',').map((s) => s.trim()),
    );
    return { name, exports };
  }
  return undefined;
}

describe('generated barrels', () => {
  it('export every message, enum and service of every proto file, with its __Output', () => {
    const missing = declaredTopLevel(protoRoot(protoFiles)).flatMap(({ file, name }) => {
      const barrel = barrelFor(file);
      const wanted = name.endsWith('Service')
        ? [`${name}Client`, `${name}Handlers`]
        : [name, `${name}__Output`];
      return wanted.filter((w) => !barrel?.exports.includes(w)).map((w) => `${file}: ${w}`);
    });

    expect(missing).toEqual([]);
  });

  it('gather kith.common.v1 under commonV1, apart from kith.contact.v1', () => {
    const common = barrelFor('kith/common/v1/money.proto');

    expect(common?.name).toBe('common-v1.ts');
    expect(common?.exports).toEqual(
      expect.arrayContaining(['Money', 'PostalAddress', 'PageRequest', 'PageResponse']),
    );
    expect(readFileSync(path.join(GENERATED, 'common-v1.ts'), 'utf8')).not.toMatch(/contact\/v1/);
  });
});

describe('kith.common.v1', () => {
  const root = protoRoot([
    'kith/common/v1/money.proto',
    'kith/common/v1/address.proto',
    'kith/contact/v1/postal_address.proto',
  ]);

  it('keeps an amount past 2^53 minor units exact (int64)', () => {
    const Money = root.lookupType('kith.common.v1.Money');
    const amount = '9007199254740993';

    const decoded = Money.toObject(
      Money.decode(
        Money.encode(Money.fromObject({ amountMinor: amount, currency: 'USD' })).finish(),
      ),
      { longs: String },
    );

    expect(decoded).toEqual({ amountMinor: amount, currency: 'USD' });
  });

  it("reads a contact's postal address as a common one, field for field", () => {
    const contactAddress = root.lookupType('kith.contact.v1.PostalAddress');
    const commonAddress = root.lookupType('kith.common.v1.PostalAddress');
    const address = {
      line1: '1 Main St',
      line2: 'Flat 2',
      city: 'Springfield',
      region: 'IL',
      postalCode: '62701',
      countryCode: 'US',
    };
    const bytes = contactAddress
      .encode(contactAddress.fromObject({ ...address, type: 'home', primary: true }))
      .finish();

    expect(commonAddress.toObject(commonAddress.decode(bytes))).toEqual(address);
  });
});
