// Opinion forms over HTTP (see docs/protocol.md, "Opinion forms"): list, create, answer, results.
import type {
  CreateFormRequest,
  FormChoice,
  FormDocument,
  FormResults,
  FormSummary,
} from '../../core/index.ts';
import { ApiError } from '../api/http.ts';
import { platform } from '../platform.ts';

export interface PickableAccount {
  id: string;
  displayName: string;
  username: string;
  active: boolean;
}

async function call<T>(method: string, path: string, body?: unknown | FormData): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = platform.getToken();
  if (token) headers.authorization = `Bearer ${token}`;
  const isForm = body instanceof FormData;
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(platform.serverOrigin + path, {
      method,
      headers,
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
  } catch (err) {
    throw new ApiError('NETWORK', err instanceof Error ? err.message : String(err), 0, null);
  }
  const data = (await res.json().catch(() => null)) as {
    error?: { code?: string; message?: string };
  } | null;
  if (!res.ok) {
    const code = (data?.error?.code ?? 'INTERNAL') as ApiError['code'];
    throw new ApiError(code, data?.error?.message ?? res.statusText, res.status, null);
  }
  return data as T;
}

const formPath = (formId: string) => `/api/forms/${encodeURIComponent(formId)}`;

/** A client-made request id: a retry of the same request is applied once by the server. */
export function requestId(): string {
  return `r-${crypto.randomUUID()}`;
}

export const formsApi = {
  /** `now` is the server's clock: deadlines are judged by it. */
  list: () => call<{ forms: FormSummary[]; now: string }>('GET', '/api/forms'),
  get: (formId: string) => call<{ form: FormSummary }>('GET', formPath(formId)),
  create: (req: CreateFormRequest) => call<{ form: FormSummary }>('POST', '/api/forms', req),
  answer: (formId: string, req: { requestId: string; choice: FormChoice; comment: string }) =>
    call<{ form: FormSummary }>('POST', `${formPath(formId)}/answers`, req),
  results: (formId: string) => call<{ results: FormResults }>('GET', `${formPath(formId)}/results`),
  upload: (file: File) => {
    const body = new FormData();
    body.append('file', file, file.name);
    return call<{ document: FormDocument }>('POST', '/api/forms/documents', body);
  },
  accounts: () => call<{ accounts: PickableAccount[] }>('GET', '/api/accounts'),
};

/** Where a form's document is served (a plain link works: the login also set a cookie). */
export function formFileUrl(formId: string, sha256: string): string {
  return `${platform.serverOrigin}${formPath(formId)}/files/${sha256}`;
}
