import path from 'node:path';

/** Everything Taizhang reads from the environment, validated once at start-up. */
export interface AppConfig {
  port: number;
  /** postgres://… switches to PostgreSQL; empty means the embedded SQLite file. */
  databaseUrl: string | null;
  sqlitePath: string;
  /** Generate a demo history of submissions for the seeded plan on first start. */
  demo: boolean;
  /** Directory of the built web app served at /; null to serve the API only. */
  webDist: string | null;
  seedsDir: string;
}

const repoRoot = path.resolve(__dirname, '../../../..');

/** Reads and validates the environment; throws listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<AppConfig> {
  const errors: string[] = [];
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) errors.push(`PORT must be a port number (0-65535), got "${env.PORT}"`);
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) errors.push('DATABASE_URL must start with postgres:// (leave it unset for SQLite)');
  const demo = (env.DEMO ?? '1').trim();
  if (!['0', '1', 'true', 'false'].includes(demo)) errors.push(`DEMO must be 1 or 0, got "${env.DEMO}"`);
  if (errors.length) throw new Error(`Invalid configuration:\n- ${errors.join('\n- ')}`);
  return Object.freeze({
    port,
    databaseUrl,
    sqlitePath: path.resolve(env.SQLITE_PATH ?? path.join(repoRoot, 'data/taizhang.sqlite')),
    demo: demo === '1' || demo === 'true',
    webDist: env.WEB_DIST === '' ? null : path.resolve(env.WEB_DIST ?? path.join(repoRoot, 'apps/web/dist')),
    seedsDir: path.resolve(env.SEEDS_DIR ?? path.join(repoRoot, 'seeds')),
  });
}

export const APP_CONFIG = Symbol('APP_CONFIG');
