// Names the HTTP server span after the route template ("POST /v1/contacts/:id") without the
// Express instrumentation: that one wraps every router layer and cost about a fifth of the
// gateway's throughput in bench/contact-write. The HTTP instrumentation reads the route from
// the request's RPC metadata when the response closes, so setting it before then is enough.
import { context } from '@opentelemetry/api';
import { getRPCMetadata, RPCType } from '@opentelemetry/core';

/**
 * Records the matched route template on the current HTTP server span. Call it from the
 * request's context (a middleware, or a listener of the response's 'finish' event).
 * Returns false when there is no HTTP server span to name.
 */
export function setHttpRoute(route: string): boolean {
  const metadata = getRPCMetadata(context.active());
  if (metadata?.type !== RPCType.HTTP) return false;
  metadata.route = route;
  return true;
}
