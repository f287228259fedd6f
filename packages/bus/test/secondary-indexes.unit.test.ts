import { secondaryIndexesUsed } from '../src';

describe('secondaryIndexesUsed', () => {
  it('is false on FerretDB 1.x, which plans every non-_id filter as a scan', () => {
    expect(secondaryIndexesUsed({ version: '7.0.42', ferretdbVersion: 'v1.24.2', ok: 1 })).toBe(
      false,
    );
  });

  it('is true on MongoDB, whose buildInfo names no FerretDB version', () => {
    expect(secondaryIndexesUsed({ version: '7.0.14', gitVersion: 'ce59cfc', ok: 1 })).toBe(true);
  });

  it('is true on FerretDB 2, which plans queries with indexes', () => {
    expect(secondaryIndexesUsed({ version: '7.0.77', ferretdbVersion: 'v2.1.0', ok: 1 })).toBe(
      true,
    );
  });
});
