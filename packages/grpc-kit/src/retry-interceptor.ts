import * as grpc from '@grpc/grpc-js';

export interface RetryPolicy {
  /** Total attempts including the first; default 4 (the first call and 3 retries). */
  maxAttempts?: number;
  initialBackoffMs?: number;
  maxBackoffMs?: number;
}

/**
 * Retries unary calls that end UNAVAILABLE (the one code that means "nothing happened, try
 * again"), with exponential backoff and jitter, never past the call's deadline. Other codes
 * and streaming calls pass straight through. The final attempt's headers, message and status
 * (with its trailers) reach the caller.
 */
// Fits both the first attempt (a Listener passed to `next`) and retries (started directly).
interface AttemptListener {
  onReceiveMetadata(metadata: grpc.Metadata): void;
  onReceiveMessage(message: unknown): void;
  onReceiveStatus(status: grpc.StatusObject): void;
}

export function retryInterceptor(policy: RetryPolicy = {}): grpc.Interceptor {
  const maxAttempts = Math.max(1, policy.maxAttempts ?? 4);
  const initialBackoffMs = policy.initialBackoffMs ?? 100;
  const maxBackoffMs = policy.maxBackoffMs ?? 1000;

  return (options, nextCall) => {
    const def = options.method_definition;
    if (def.requestStream || def.responseStream) {
      return new grpc.InterceptingCall(nextCall(options));
    }

    let metadata: grpc.Metadata;
    let request: unknown;
    let outer: grpc.InterceptingListener;
    let attempt = 1;
    let cancelled = false;
    let retryCall: ReturnType<grpc.NextCall> | undefined;
    let timer: NodeJS.Timeout | undefined;

    const backoffMs = (): number => {
      const base = Math.min(maxBackoffMs, initialBackoffMs * 2 ** (attempt - 1));
      return Math.round(base * (0.5 + Math.random() * 0.5));
    };

    const canRetry = (status: grpc.StatusObject, delayMs: number): boolean => {
      if (cancelled || status.code !== grpc.status.UNAVAILABLE || attempt >= maxAttempts) {
        return false;
      }
      const deadline = options.deadline === undefined ? Infinity : Number(options.deadline);
      return Date.now() + delayMs < deadline;
    };

    const attemptListener = (): AttemptListener => {
      let headers: grpc.Metadata | undefined;
      let response: { value: unknown } | undefined;
      return {
        onReceiveMetadata: (md) => (headers = md),
        onReceiveMessage: (msg) => (response = { value: msg }),
        onReceiveStatus: (status) => {
          const delayMs = backoffMs();
          if (canRetry(status, delayMs)) {
            timer = setTimeout(retry, delayMs);
            return;
          }
          if (headers) outer.onReceiveMetadata(headers);
          if (response) outer.onReceiveMessage(response.value);
          outer.onReceiveStatus(status);
        },
      };
    };

    const retry = (): void => {
      if (cancelled) return;
      attempt += 1;
      retryCall = nextCall(options);
      retryCall.start(metadata.clone(), attemptListener());
      retryCall.sendMessage(request);
      retryCall.halfClose();
    };

    const requester: grpc.Requester = {
      start: (md, listener, next) => {
        metadata = md.clone();
        outer = listener;
        next(md, attemptListener());
      },
      sendMessage: (msg, next) => {
        request = msg;
        next(msg);
      },
      halfClose: (next) => next(),
      cancel: (next) => {
        cancelled = true;
        clearTimeout(timer);
        retryCall?.cancelWithStatus(grpc.status.CANCELLED, 'Cancelled on client');
        next();
      },
    };
    return new grpc.InterceptingCall(nextCall(options), requester);
  };
}
