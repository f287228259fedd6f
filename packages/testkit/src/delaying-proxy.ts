// A TCP proxy in front of a server that can hold back what the server answers: a slow network
// in one direction. A gRPC call through it reaches the server at once and is served, but its
// answer arrives only after the delay, so the caller's deadline can pass on a call the server
// completed (how a create comes to succeed after the gateway gave up). Bytes keep their order
// on each connection, whatever the delay was when they arrived.
import net from 'node:net';

export interface DelayingProxy {
  port: number;
  /** From now on, the server's bytes are held this long (0: passed on at once). */
  delayAnswers(ms: number): void;
  /** Resolves once every answer held back so far has been passed on. */
  flushed(): Promise<void>;
  stop(): Promise<void>;
}

export async function startDelayingProxy(
  targetPort: number,
  host = '127.0.0.1',
): Promise<DelayingProxy> {
  let delayMs = 0;
  const sockets = new Set<net.Socket>();
  const pending = new Set<Promise<void>>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, host);
    sockets.add(client).add(upstream);
    let answered: Promise<void> = Promise.resolve();
    client.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', (chunk) => {
      // Due when it arrived plus the delay, never before what came earlier.
      const dueAt = Date.now() + delayMs;
      answered = answered
        .then(() => new Promise((resolve) => setTimeout(resolve, Math.max(0, dueAt - Date.now()))))
        .then(() => {
          if (!client.destroyed) client.write(chunk);
        });
      const tail = answered;
      pending.add(tail);
      void tail.then(() => pending.delete(tail));
    });
    const close = (): void => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', close).on('error', close);
    upstream.on('close', () => void answered.then(close)).on('error', close);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    delayAnswers: (ms) => {
      delayMs = ms;
    },
    flushed: async () => {
      await Promise.all([...pending]);
    },
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
