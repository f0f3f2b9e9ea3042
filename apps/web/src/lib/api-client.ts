import type { ErrorResponse } from '@taizhang/contracts';

/** An API answer that was not 2xx, with the server's message in both languages. */
export class ApiError extends Error {
  constructor(readonly body: ErrorResponse) {
    super(body.messageEn);
  }
}

export async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as ErrorResponse | null;
    throw new ApiError(body ?? { statusCode: response.status, code: 'HTTP', messageZh: `请求失败（${response.status}）`, messageEn: `Request failed (${response.status})` });
  }
  return (await response.json()) as T;
}
