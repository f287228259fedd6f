import { parseUpstreams } from '../src/domain/personal-data-export';

describe('parseUpstreams', () => {
  it('always starts with the contact service at its own address', () => {
    expect(parseUpstreams('contact:50051', '')).toEqual([
      { name: 'contact', address: 'contact:50051' },
    ]);
  });

  it('adds each configured name=host:port pair', () => {
    expect(parseUpstreams('c:1', 'interaction=i:2, transaction=t:3')).toEqual([
      { name: 'contact', address: 'c:1' },
      { name: 'interaction', address: 'i:2' },
      { name: 'transaction', address: 't:3' },
    ]);
  });

  it('refuses a service listed twice', () => {
    expect(() => parseUpstreams('c:1', 'contact=x:2')).toThrow(/twice/);
  });
});
