// The few REST calls the CLI makes, over fetch. Token from KITH_TOKEN, base URL from
// KITH_API_URL (default: the gateway's default port on this machine). A problem+json answer
// becomes an ApiError whose message is the problem's title, detail and field errors.

export const DEFAULT_API_URL = 'http://127.0.0.1:8080';

export interface ImportJob {
  id: string;
  status: 'open' | 'finished';
  checkpoint: number;
  counts: { rows: number; created: number; updated: number; skipped: number; failed: number };
  links: { self: string; errors: string };
}

export interface UploadResult {
  job: ImportJob;
  upload: { rows: number; alreadyDone: number; unmappedColumns: string[] };
}

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }

  /** 5xx and 429 may succeed when tried again; 4xx will not. */
  get retryable(): boolean {
    return this.status >= 500 || this.status === 429;
  }
}

export interface ApiConfig {
  baseUrl: string;
  token: string;
}

export function apiConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const token = env.KITH_TOKEN?.trim();
  if (!token) throw new Error('Set KITH_TOKEN to a bearer token (npm run token prints one).');
  return { baseUrl: (env.KITH_API_URL?.trim() || DEFAULT_API_URL).replace(/\/+$/, ''), token };
}

export class KithApi {
  constructor(private readonly config: ApiConfig) {}

  startImport(body: object, idempotencyKey: string): Promise<ImportJob> {
    return this.json<ImportJob>('/v1/imports', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
      body: JSON.stringify(body),
    });
  }

  getImport(id: string): Promise<ImportJob> {
    return this.json<ImportJob>(`/v1/imports/${encodeURIComponent(id)}`);
  }

  uploadRows(id: string, query: URLSearchParams, csv: string): Promise<UploadResult> {
    return this.json<UploadResult>(`/v1/imports/${encodeURIComponent(id)}/rows?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: csv,
    });
  }

  /** The raw response, body unread, for streaming a CSV to a file or stdout. */
  async download(path: string): Promise<Response> {
    const res = await this.fetch(path);
    if (!res.ok) throw await toApiError(res);
    return res;
  }

  private async json<T>(path: string, init: RequestInit = {}): Promise<T> {
    const res = await this.fetch(path, init);
    if (!res.ok) throw await toApiError(res);
    return (await res.json()) as T;
  }

  private fetch(path: string, init: RequestInit = {}): Promise<Response> {
    return fetch(`${this.config.baseUrl}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${this.config.token}`, ...init.headers },
    });
  }
}

async function toApiError(res: Response): Promise<ApiError> {
  const text = await res.text();
  try {
    const problem = JSON.parse(text) as {
      title?: string;
      detail?: string;
      errors?: Array<{ field: string; message: string }>;
    };
    const fields = (problem.errors ?? []).map((e) => `${e.field}: ${e.message}`).join('; ');
    const parts = [problem.title, problem.detail, fields].filter(Boolean);
    return new ApiError(res.status, `${res.status} ${parts.join(' - ')}`);
  } catch {
    return new ApiError(res.status, `${res.status} ${text.slice(0, 200)}`);
  }
}
