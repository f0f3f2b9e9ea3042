export type Role = 'admin' | 'leader' | 'department';

export interface UserResponse {
  username: string;
  role: Role;
  departmentId: number | null;
}

/** POST /api/auth/login */
export interface LoginResponse {
  /** For API clients: send as `Authorization: Bearer <accessToken>`. */
  accessToken: string;
  /** For the web app: echo as `X-CSRF-Token` on writes made with the session cookie. */
  csrfToken: string;
  expiresAt: string;
  user: UserResponse;
}

/** GET /api/auth/me */
export interface MeResponse extends UserResponse {
  csrfToken: string;
}
