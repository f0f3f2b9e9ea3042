/** One row of GET /api/departments (all, or ?planId= those of one plan); groups name "the others" and cannot report. */
export interface DepartmentResponse {
  id: number;
  code: string;
  name: string;
  isGroup: boolean;
  /** Contacts, for admins only: other callers get the list without these keys. */
  email?: string | null;
  webhookUrl?: string | null;
}
