import { roundForDisplay, shanghaiTime, type ReportNote, type Status, type StatusCounts } from '@taizhang/domain';

export type ReportLanguage = 'zh' | 'en';

/** Every word the report prints, in both languages; Chinese is the edition of record. */
export const LABELS = {
  zh: {
    reportTitle: (district: string, month: string) =>
      `${district}法治政府建设情况通报（${month.slice(0, 4)}年${Number(month.slice(5))}月）`,
    issuer: '台账 · 法治政府建设计划监测',
    plan: '计划',
    month: '月份',
    version: '版本',
    generatedAt: '生成时间（北京时间）',
    dataAsOf: '数据截至（北京时间）',
    headline: '总体情况',
    metrics: '量化指标',
    shareGreen: '达标率',
    onTime: '按时报送率',
    change: '较上月',
    indicators: '一级、二级指标情况',
    level: '层级',
    number: '序号',
    title: '指标',
    status: '状态',
    attention: '未达标及预警指标',
    code: '编号',
    metric: '指标',
    reason: '原因',
    task: '任务',
    departments: '责任单位',
    ranking: '单位横向排名',
    rank: '排名',
    department: '单位',
    compliance: '达标率',
    count: '指标数',
    trend: '各月状态趋势',
    notices: '督办情况',
    noticesLine: (n: { issued: number; answeredOnTime: number; escalated: number; closed: number }) =>
      `针对本月数据下发督办单 ${n.issued} 件，按期答复 ${n.answeredOnTime} 件，升级 ${n.escalated} 件，办结 ${n.closed} 件。`,
    appendix: '附表：全部指标本月情况',
    value: '数值',
    target: '目标',
    revised: '本版修订',
    yes: '是',
    none: '无',
    page: (n: number, total: number) => `第 ${n} 页 共 ${total} 页`,
    notes: '备注：领导和单位对本月情况的评论',
    period: '报送期',
    author: '评论人',
    at: '时间',
    text: '内容',
    leader: '领导',
    sheets: {
      summary: '概况',
      indicators: '指标',
      attention: '需关注',
      departments: '单位排名',
      trend: '趋势',
      appendix: '附表',
      notes: '备注',
    },
  },
  en: {
    reportTitle: (district: string, month: string) => `Rule-of-law government progress report, ${district}, ${month}`,
    issuer: 'Taizhang · plan compliance monitor',
    plan: 'Plan',
    month: 'Month',
    version: 'Version',
    generatedAt: 'Generated at (Beijing time)',
    dataAsOf: 'Data as of (Beijing time)',
    headline: 'Headline',
    metrics: 'Metrics',
    shareGreen: 'Share green',
    onTime: 'On-time submission rate',
    change: 'Change since last month',
    indicators: 'First- and second-level indicators',
    level: 'Level',
    number: 'No.',
    title: 'Indicator',
    status: 'Status',
    attention: 'Red and amber metrics',
    code: 'Code',
    metric: 'Metric',
    reason: 'Reason',
    task: 'Task',
    departments: 'Responsible',
    ranking: 'Departments compared',
    rank: 'Rank',
    department: 'Department',
    compliance: 'Compliance',
    count: 'Metrics',
    trend: 'Status counts by month',
    notices: 'Supervision notices',
    noticesLine: (n: { issued: number; answeredOnTime: number; escalated: number; closed: number }) =>
      `On this month's figures: ${n.issued} notices issued, ${n.answeredOnTime} answered on time, ${n.escalated} escalated, ${n.closed} closed.`,
    appendix: 'Appendix: every metric this month',
    value: 'Value',
    target: 'Target',
    revised: 'Revised in this version',
    yes: 'yes',
    none: 'none',
    page: (n: number, total: number) => `Page ${n} of ${total}`,
    notes: 'Notes: comments by leaders and departments on this month',
    period: 'Period',
    author: 'By',
    at: 'When',
    text: 'Comment',
    leader: 'Leader',
    sheets: {
      summary: 'Summary',
      indicators: 'Indicators',
      attention: 'Attention',
      departments: 'Departments',
      trend: 'Trend',
      appendix: 'Appendix',
      notes: 'Notes',
    },
  },
};

export const STATUS_WORDS: Record<ReportLanguage, Record<Status, string>> = {
  zh: { red: '未达标', amber: '预警', green: '达标', grey: '无数据' },
  en: { red: 'Missed', amber: 'At risk', green: 'On target', grey: 'No data' },
};

/** Fill colours of status cells (light, so that the word on them stays readable in print). */
export const STATUS_FILL: Record<Status, string> = {
  red: 'FFF4C7C7',
  amber: 'FFFFE2A8',
  green: 'FFCDEBD5',
  grey: 'FFE3E7EA',
};

/** An indicator's status in words: one with no metric beneath it has nothing to measure (无量化指标), not "no data". */
export function indicatorStatusWord(i: { status: Status; counts: StatusCounts }, lang: ReportLanguage): string {
  const total = i.counts.red + i.counts.amber + i.counts.green + i.counts.grey;
  return total === 0 ? NO_METRICS[lang] : STATUS_WORDS[lang][i.status];
}

const NO_METRICS: Record<ReportLanguage, string> = { zh: '无量化指标', en: 'No metrics' };

export function percent(value: number | null): string {
  return value === null ? '—' : `${roundForDisplay(value)}%`;
}

/** Who wrote a note: the department and username, or "Leader" and username. */
export function noteAuthor(note: Pick<ReportNote, 'username' | 'department'>, lang: ReportLanguage): string {
  const who = note.department ?? LABELS[lang].leader;
  return lang === 'zh' ? `${who}（${note.username}）` : `${who} (${note.username})`;
}

/** An ISO time as the report prints it, in Beijing time (Asia/Shanghai): "2020-07-03 16:15"; "—" for none. */
export function printedTime(iso: string | null): string {
  return iso ? shanghaiTime(iso) : '—';
}

/** A figure as the report prints it: rounded to one decimal (79.03225806451613 → 79), as the dashboard shows it. */
export function printedValue(value: number): number {
  return Number(roundForDisplay(value));
}

/** The words of the year-end forecast section (libs/domain/src/forecast.ts). */
export const FORECAST_LABELS = {
  zh: {
    heading: '年末预测：按目前进度推算全年',
    sheet: '年末预测',
    now: '本月状态',
    forecast: '年末预测',
    projected: '预计年末值',
    words: { green: '预计达标', amber: '预计未达标', red: '已无法达标' },
  },
  en: {
    heading: 'Year-end forecast: the year at the current pace',
    sheet: 'Forecast',
    now: 'This month',
    forecast: 'Forecast',
    projected: 'Projected',
    words: { green: 'On course', amber: 'Projected to miss', red: 'Cannot be met' },
  },
};
