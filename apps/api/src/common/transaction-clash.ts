/**
 * Whether a database error is a clash between concurrent transactions that reading again and retrying resolves:
 * a unique key refusing a number another transaction took first (SQLite or PostgreSQL), or a PostgreSQL deadlock
 * or serialisation failure (one of the transactions is rolled back so that the other can go on).
 */
export function isTransientClash(error: unknown): boolean {
  const code = databaseErrorCode(error);
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505' || code === '40P01' || code === '40001';
}

/** Whether a write was refused because another one took the same key first (a primary or unique key). */
export function isUniqueViolation(error: unknown): boolean {
  const code = databaseErrorCode(error);
  return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}

/** The driver's error code (better-sqlite3's SQLITE_…, PostgreSQL's SQLSTATE), wrapped by TypeORM or not. */
function databaseErrorCode(error: unknown): string | undefined {
  const e = error as { code?: string; driverError?: { code?: string } };
  return e?.driverError?.code ?? e?.code;
}

/** Runs `work` again (up to `attempts` times in all) when it fails on such a clash. */
export async function retryOnClash<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isTransientClash(error)) throw error;
    }
  }
}
