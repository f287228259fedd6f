import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { csvChunks, type CsvChunk } from '../src/csv-chunks';

const FILE = 'First,Email\nAda,ada@example.org\n"Lovelace, B",b@example.org\nC,c@example.org\n';

async function chunksOf(text: string, opts: { rows: number; after?: number }) {
  const out: CsvChunk[] = [];
  for await (const chunk of csvChunks(Readable.from([text]), opts)) out.push(chunk);
  return out;
}

describe('csvChunks', () => {
  it('cuts the file into parts that each start with the header', async () => {
    const chunks = await chunksOf(FILE, { rows: 2 });

    expect(chunks.map((c) => [c.firstRow, c.rows, c.last])).toEqual([
      [1, 2, false],
      [3, 1, true],
    ]);
    expect(parse(chunks[0]!.csv)).toEqual([
      ['First', 'Email'],
      ['Ada', 'ada@example.org'],
      ['Lovelace, B', 'b@example.org'],
    ]);
  });

  it('marks the part that ends the file as last when the rows divide evenly', async () => {
    const chunks = await chunksOf(FILE, { rows: 3 });

    expect(chunks.map((c) => [c.firstRow, c.rows, c.last])).toEqual([[1, 3, true]]);
  });

  it('does not send rows at or below the checkpoint of a resumed import', async () => {
    const chunks = await chunksOf(FILE, { rows: 10, after: 2 });

    expect(chunks.map((c) => [c.firstRow, c.rows])).toEqual([[3, 1]]);
    expect(parse(chunks[0]!.csv)).toEqual([
      ['First', 'Email'],
      ['C', 'c@example.org'],
    ]);
  });

  it('sends a header-only last part when nothing is left, so the job still finishes', async () => {
    const chunks = await chunksOf(FILE, { rows: 10, after: 3 });

    expect(chunks).toEqual([expect.objectContaining({ rows: 0, last: true, firstRow: 4 })]);
  });

  it('refuses an empty file', async () => {
    await expect(chunksOf('', { rows: 10 })).rejects.toThrow('needs a header row');
  });
});
