import { chunkByBytes } from '../src';

const message = (bytes: number) => ({ key: 'k', value: Buffer.alloc(bytes - 1) });

describe('chunkByBytes', () => {
  it('keeps messages that fit together in one request', () => {
    const chunks = chunkByBytes([message(100), message(100), message(100)], 1000);

    expect(chunks.map((c) => c.length)).toEqual([3]);
  });

  it('starts a new request before the budget would be passed, keeping the order', () => {
    const messages = [message(400), message(400), message(400), message(400)];

    const chunks = chunkByBytes(messages, 1000);

    expect(chunks.map((c) => c.length)).toEqual([2, 2]);
    expect(chunks.flat()).toEqual(messages);
  });

  it('counts header names and values', () => {
    const withHeaders = {
      key: 'k',
      value: Buffer.alloc(99),
      headers: { ce_type: 'x'.repeat(400) },
    };

    const chunks = chunkByBytes([withHeaders, withHeaders], 600);

    expect(chunks.map((c) => c.length)).toEqual([1, 1]);
  });

  it('sends a message bigger than the budget alone rather than dropping it', () => {
    const chunks = chunkByBytes([message(100), message(5000), message(100)], 1000);

    expect(chunks.map((c) => c.length)).toEqual([1, 1, 1]);
  });
});
