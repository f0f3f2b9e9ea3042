/** Chinese, the product's first language. Every visible string of the web app has a key here. */
export const zh = {
  appTitle: '台账 · 法治政府建设计划监测',
  appSubtitle: '计划任务台账达标情况',
  languageSwitch: 'English',
  languageSwitchLabel: '切换到英文界面',
  demoBanner: '演示数据：以下报送记录为系统生成的示例，并非真实报送。',
  period: '统计月份',
  periodNone: '暂无数据',
  loading: '正在加载…',
  loadError: '数据加载失败：{{message}}',
  retry: '重试',
  metricsByStatus: '指标达标情况',
  metricTotal: '共 {{count}} 项量化指标',
  status: { red: '未达标', amber: '预警', green: '达标', grey: '无数据' },
  planTree: '指标 → 任务 → 量化指标',
  firstLevel: '一级指标',
  secondLevel: '二级指标',
  task: '任务 {{number}}',
  lead: '牵头',
  responsible: '责任',
  target: '目标',
  noMetrics: '本任务无量化指标',
  noMetricsBelow: '无量化指标',
  reportingPeriod: '报送期 {{period}}',
  reportedBy: '报送单位',
  countsLine: '未达标 {{red}} · 预警 {{amber}} · 达标 {{green}} · 无数据 {{grey}}',
  evaluatedAt: '评估时间 {{time}}',
  expandAll: '全部展开',
  collapseAll: '全部收起',
} as const;

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
export type Messages = Shape<typeof zh>;
