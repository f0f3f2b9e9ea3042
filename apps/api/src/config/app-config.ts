import path from 'node:path';
import { allowEntryProblem } from '../common/webhook-address';

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
  /** Cron expression of the scheduled evaluation (default every 5 minutes). */
  evaluationCron: string;
  /** Pins "today" (YYYY-MM-DD) for demonstrations and tests; null reads the clock. */
  fixedToday: string | null;
  /** Whenever set, the password of the account `admin` (any mode). */
  adminPassword: string | null;
  /** Mark the session cookie Secure (serve over HTTPS). */
  cookieSecure: boolean;
  /** Behind a reverse proxy: trust X-Forwarded-For so the login throttle counts real client addresses. */
  trustProxy: boolean;
  /** Where evidence files are stored. */
  uploadsDir: string;
  /** Largest evidence file accepted, in bytes. */
  maxUploadBytes: number;
  /** Hour (Asia/Shanghai) at which the monthly report job runs on the first working day. */
  reportHour: number;
  /** A CJK font file for PDF reports (TTF, OTF or TTC), and the face inside a collection. */
  reportFont: { path: string; family: string };
  /** smtp://user:pass@host:port for reminder emails; null sends none. */
  smtpUrl: string | null;
  smtpFrom: string;
  /** Working days before a due date that the first reminder goes out, for plans loaded from now on; each plan's own setting wins. */
  reminderLeadWorkingDays: number;
  /** Run the supervision cycle (reminders, notices) in this instance: off for an instance that only serves reads. */
  supervision: boolean;
  /** Host names, IP addresses and CIDR ranges that webhooks may reach although internal (loopback, private, link-local). */
  webhookAllowHosts: readonly string[];
  /** Soft rules (late, a jump, exactly 100% without evidence, 0/0 when overdue) ask for an explanation; off for back-filling past periods. */
  softRules: boolean;
}

const repoRoot = path.resolve(__dirname, '../../../..');

/** Reads and validates the environment; throws listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<AppConfig> {
  const errors: string[] = [];
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    errors.push(`PORT must be a port number (0-65535), got "${env.PORT}"`);
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl))
    errors.push('DATABASE_URL must start with postgres:// (leave it unset for SQLite)');
  const demo = (env.DEMO ?? '1').trim();
  if (!['0', '1', 'true', 'false'].includes(demo)) errors.push(`DEMO must be 1 or 0, got "${env.DEMO}"`);
  const evaluationCron = (env.EVALUATION_CRON ?? '*/5 * * * *').trim();
  if (!/^(\S+\s+){4,5}\S+$/.test(evaluationCron))
    errors.push(`EVALUATION_CRON must be a cron expression of 5 or 6 fields, got "${env.EVALUATION_CRON}"`);
  const fixedToday = env.FIXED_TODAY?.trim() || null;
  if (fixedToday && !/^\d{4}-\d{2}-\d{2}$/.test(fixedToday))
    errors.push(`FIXED_TODAY must be a date YYYY-MM-DD, got "${env.FIXED_TODAY}"`);
  const maxUploadMb = Number(env.MAX_UPLOAD_MB ?? 10);
  if (!Number.isFinite(maxUploadMb) || maxUploadMb <= 0 || maxUploadMb > 1024)
    errors.push(`MAX_UPLOAD_MB must be a number of megabytes from 1 to 1024, got "${env.MAX_UPLOAD_MB}"`);
  if (env.ADMIN_PASSWORD !== undefined && env.ADMIN_PASSWORD !== '' && env.ADMIN_PASSWORD.length < 8)
    errors.push('ADMIN_PASSWORD must have at least 8 characters');
  const reportHour = Number(env.REPORT_HOUR ?? 8);
  if (!Number.isInteger(reportHour) || reportHour < 0 || reportHour > 23)
    errors.push(`REPORT_HOUR must be an hour from 0 to 23, got "${env.REPORT_HOUR}"`);
  const reminderLead = Number(env.REMINDER_LEAD_WORKING_DAYS ?? 3);
  if (!Number.isInteger(reminderLead) || reminderLead < 0 || reminderLead > 30)
    errors.push(
      `REMINDER_LEAD_WORKING_DAYS must be a whole number from 0 to 30, got "${env.REMINDER_LEAD_WORKING_DAYS}"`,
    );
  if (env.SMTP_URL && !/^smtps?:\/\//.test(env.SMTP_URL.trim()))
    errors.push('SMTP_URL must start with smtp:// or smtps://');
  const supervision = (env.SUPERVISION ?? '1').trim();
  if (!['0', '1', 'true', 'false'].includes(supervision))
    errors.push(`SUPERVISION must be 1 or 0, got "${env.SUPERVISION}"`);
  const softRules = (env.SOFT_RULES ?? '1').trim();
  if (!['0', '1', 'true', 'false'].includes(softRules))
    errors.push(`SOFT_RULES must be 1 or 0, got "${env.SOFT_RULES}"`);
  const webhookAllowHosts = (env.WEBHOOK_ALLOW_HOSTS ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  for (const problem of webhookAllowHosts.map(allowEntryProblem))
    if (problem)
      errors.push(
        `WEBHOOK_ALLOW_HOSTS must list host names, IP addresses or CIDR ranges separated by commas: ${problem}`,
      );
  if (errors.length) throw new Error(`Invalid configuration:\n- ${errors.join('\n- ')}`);
  return Object.freeze({
    port,
    databaseUrl,
    sqlitePath: path.resolve(env.SQLITE_PATH ?? path.join(repoRoot, 'data/taizhang.sqlite')),
    demo: demo === '1' || demo === 'true',
    webDist: env.WEB_DIST === '' ? null : path.resolve(env.WEB_DIST ?? path.join(repoRoot, 'apps/web/dist')),
    seedsDir: path.resolve(env.SEEDS_DIR ?? path.join(repoRoot, 'seeds')),
    evaluationCron,
    fixedToday,
    adminPassword: env.ADMIN_PASSWORD || null,
    cookieSecure: env.COOKIE_SECURE === '1' || env.COOKIE_SECURE === 'true',
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    uploadsDir: path.resolve(env.UPLOADS_DIR ?? path.join(repoRoot, 'data/uploads')),
    maxUploadBytes: maxUploadMb * 1024 * 1024,
    reportHour,
    smtpUrl: env.SMTP_URL?.trim() || null,
    smtpFrom: env.SMTP_FROM ?? 'taizhang@localhost',
    reminderLeadWorkingDays: reminderLead,
    supervision: supervision === '1' || supervision === 'true',
    webhookAllowHosts: Object.freeze(webhookAllowHosts),
    softRules: softRules === '1' || softRules === 'true',
    reportFont: {
      path: env.REPORT_FONT ?? '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
      family: env.REPORT_FONT_FAMILY ?? 'NotoSerifCJKsc-Regular',
    },
  });
}

export const APP_CONFIG = Symbol('APP_CONFIG');
