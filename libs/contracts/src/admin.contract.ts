import type { Role } from './auth.contract';

/** One account of GET /api/users (admins), and the answer of POST /api/users and PATCH /api/users/:id. */
export interface UserAccountResponse {
  id: number;
  username: string;
  role: Role;
  departmentId: number | null;
  disabled: boolean;
  createdAt: string;
}

/** One row of GET /api/audit (admins): who, when (UTC ISO; shown as Asia/Shanghai time), what. */
export interface AuditEntryResponse {
  id: number;
  at: string;
  userId: number | null;
  username: string | null;
  kind: string;
  action: string;
  entity: string | null;
  entityId: string | null;
  statusCode: number | null;
  before: string | null;
  after: string | null;
}

/** The audit trail's filters: who (username), what (kind, entity, words of the action), when (Asia/Shanghai days, inclusive). */
export interface AuditQuery {
  username?: string;
  kind?: 'write' | 'denied' | 'login';
  entity?: string;
  action?: string;
  from?: string;
  to?: string;
  limit?: number;
  beforeId?: number;
}
