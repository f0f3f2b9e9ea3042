import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parsedTasks, parsePlan, type ParsedPlan, type ParsedTarget, type SourceSpan } from '@taizhang/domain';
import { LEDGER_TYPES, LedgerFileError, ledgerText } from '../plan-import/ledger-text';

/**
 * Parses a plan ledger and prints what the importer would make of it, for a person to check before import:
 *   npm run import -- <file.txt|file.docx|file.xlsx> [--json] [--alias 区生态局=区生态环境局 ...]
 * .txt is read as UTF-8; .docx paragraphs and table cells become one line each; .xlsx cells become one line each,
 * row by row. Exit code 2: usage error, unsupported type, empty or unreadable file.
 */
class UsageError extends Error {}

const USAGE = 'Usage: npm run import -- <file.txt|.docx|.xlsx> [--json] [--alias 简称=全称 ...]';

function parseArgs(argv: string[]): { file: string; json: boolean; aliases: Record<string, string> } {
  let file: string | null = null;
  let json = false;
  const aliases: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') json = true;
    else if (arg === '--alias') {
      const [from, to] = (argv[++i] ?? '').split('=');
      if (!from || !to) throw new UsageError(`--alias needs 简称=全称\n${USAGE}`);
      aliases[from] = to;
    } else if (arg.startsWith('--')) throw new UsageError(`Unknown option ${arg}\n${USAGE}`);
    else if (file) throw new UsageError(`Only one file, please\n${USAGE}`);
    else file = arg;
  }
  if (!file) throw new UsageError(USAGE);
  return { file, json, aliases };
}

async function readPlanText(file: string): Promise<string> {
  let buffer: Buffer;
  try {
    buffer = readFileSync(file);
  } catch (error) {
    if (LEDGER_TYPES.includes(path.extname(file).toLowerCase()))
      throw new UsageError(`Cannot read ${file}: ${(error as Error).message}`);
    buffer = Buffer.alloc(0);
  }
  try {
    return await ledgerText(buffer, file);
  } catch (error) {
    if (error instanceof LedgerFileError) throw new UsageError(`${file}: ${error.message}`);
    throw error;
  }
}

const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const cnNumber = (n: number) => (n <= 10 ? CN[n] : n < 20 ? `十${CN[n - 10]}` : String(n));
const SYMBOL = { gte: '≥', lte: '≤', eq: '=' } as const;
const UNIT = {
  percent: '%',
  count: '次/个',
  persons: '人',
  hours: '学时',
  days: '日',
  'working-days': '个工作日',
  years: '年',
  date: '',
} as const;
const PERIOD = { year: '年度', quarter: '每季度', month: '每月', case: '每件' } as const;
const KIND = { value: '数值', 'annual-count': '计次', deadline: '截止日', case: '按件时限' } as const;
const clip = (s: string, n: number) => {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > n ? `${flat.slice(0, n)}…` : flat;
};
const at = (s: SourceSpan) => `[${s.start}–${s.end}]`;

function describeTarget(t: ParsedTarget): string {
  const figure = t.kind === 'deadline' ? `${t.deadline} 前` : `${SYMBOL[t.comparator]} ${t.target}${UNIT[t.unit]}`;
  const notes = t.notes.length ? `;${t.notes.join(';')}` : '';
  return `${t.subject || '(未识别对象)'} ${figure}(${KIND[t.kind]},${PERIOD[t.period]})原文「${t.span.text}」${at(t.span)} 置信度 ${t.confidence}${notes}`;
}

function summary(file: string, plan: ParsedPlan): string {
  const tasks = parsedTasks(plan);
  const seconds = plan.indicators.flatMap((f) => f.children);
  const targets = tasks.flatMap((t) => t.targets);
  const out = [
    `计划导入预览 ${file}`,
    `一级指标 ${plan.indicators.length} 个,二级指标 ${seconds.length} 个,任务 ${tasks.length} 项,量化指标 ${targets.length} 个,待人工确认 ${plan.unresolved.length} 项`,
    `部门 ${plan.departments.length} 个:${plan.departments.join('、') || '无'}`,
    `部门组 ${plan.departmentGroups.length} 个:${plan.departmentGroups.join(';') || '无'}`,
  ];
  for (const first of plan.indicators) {
    out.push('', `${cnNumber(first.number)}、${first.title}`);
    for (const second of first.children) {
      const d = second.departments;
      const lead = [...d.lead, ...d.leadGroups].join('、') || '无';
      const resp = [...d.responsible, ...d.responsibleGroups].join('、') || '无';
      out.push(
        `  ${second.number}. ${second.title}  牵头:${lead};责任:${resp}${second.departmentsCarriedOver ? '(沿用上一条部门行)' : ''}`,
      );
      for (const task of second.tasks) {
        out.push(`    任务${task.number} ${clip(task.text, 48)}`);
        for (const t of task.targets) out.push(`      ▸ ${describeTarget(t)}`);
      }
    }
  }
  out.push('', plan.unresolved.length ? '待人工确认:' : '待人工确认:无');
  for (const u of plan.unresolved) out.push(`  ${at(u)}「${clip(u.text, 40)}」${u.reason}`);
  return out.join('\n');
}

async function main(): Promise<void> {
  const { file, json, aliases } = parseArgs(process.argv.slice(2));
  const plan = parsePlan(await readPlanText(file), { departmentAliases: aliases });
  process.stdout.write(`${json ? JSON.stringify(plan, null, 2) : summary(file, plan)}\n`);
  if (!plan.indicators.length)
    console.error('No indicator headings (一、 / （一） / 1.) were found: is this a plan ledger?');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(error instanceof UsageError ? 2 : 1);
});
