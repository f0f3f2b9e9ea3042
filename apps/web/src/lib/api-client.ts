import type { ErrorResponse } from '@taizhang/contracts';

/** An API answer that was not 2xx, with the server's message in both languages. */
export class ApiError extends Error {
  constructor(readonly body: ErrorResponse) {
    super(body.messageEn);
  }
}

// The session cookie is httpOnly; writes echo the session's CSRF token, which the app learns at sign-in.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

async function request<T>(method: string, path: string, body?: BodyInit | object): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  if (!response.ok) {
    const error = (await response.json().catch(() => null)) as ErrorResponse | null;
    throw new ApiError(
      error ?? {
        statusCode: response.status,
        code: 'HTTP',
        messageZh: `请求失败（${response.status}）`,
        messageEn: `Request failed (${response.status})`,
      },
    );
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const getJson = <T>(path: string) => request<T>('GET', path);
export const postJson = <T>(path: string, body?: object) => request<T>('POST', path, body ?? {});
export const patchJson = <T>(path: string, body: object) => request<T>('PATCH', path, body);
export const putJson = <T>(path: string, body: object) => request<T>('PUT', path, body);
export const postForm = <T>(path: string, form: FormData) => request<T>('POST', path, form);
export const deleteJson = <T>(path: string) => request<T>('DELETE', path);

/** The message of an error in the interface language. */
export function errorMessage(error: unknown, language: string): string {
  if (error instanceof ApiError) return language === 'en' ? error.body.messageEn : error.body.messageZh;
  return error instanceof Error ? error.message : String(error);
}
