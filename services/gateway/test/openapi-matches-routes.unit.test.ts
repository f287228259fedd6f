// Every route the app serves is documented at /v1/openapi.json and every documented
// operation is served: both come from one declaration per operation (http/operation.ts), and
// this holds anything mounted beside that mechanism to the same rule.
import request from 'supertest';
import { bearer, buildTestApp } from './support/test-app';

interface Layer {
  rawPath?: unknown;
  slash?: boolean;
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** `get /v1/contacts/{id}` for every method of every route in the Express router tree. */
function mountedOperations(stack: Layer[], prefix = ''): string[] {
  const found: string[] = [];
  for (const layer of stack) {
    if (layer.route) {
      const path = `${prefix}${layer.route.path}`.replace(/:([A-Za-z]+)/g, '{$1}');
      for (const [method, on] of Object.entries(layer.route.methods)) {
        if (on && method !== '_all') found.push(`${method} ${path}`);
      }
    } else if (layer.handle?.stack) {
      const mount = layer.slash || typeof layer.rawPath !== 'string' ? '' : layer.rawPath;
      found.push(...mountedOperations(layer.handle.stack, prefix + mount));
    }
  }
  return found;
}

describe('the OpenAPI document and the mounted routes', () => {
  it('name the same operations, method for method and path for path', async () => {
    const { app } = buildTestApp();
    const doc = (await request(app).get('/v1/openapi.json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };

    const documented = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method} ${path}`),
    );
    const mounted = mountedOperations(
      (app as unknown as { router: { stack: Layer[] } }).router.stack,
    );

    expect(mounted.length).toBeGreaterThan(50);
    expect([...new Set(mounted)].sort()).toEqual([...documented].sort());
  });

  it('answers 405 with Allow on a mounted path for a method it does not serve', async () => {
    const { app } = buildTestApp();

    const res = await request(app).put('/v1/households').set('Authorization', bearer());

    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, POST');
  });
});
