export * from './plan.contract';
export * from './dashboard.contract';
export * from './health.contract';
export * from './queue.contract';
export * from './auth.contract';
export * from './submission.contract';
export * from './report.contract';
export * from './metric.contract';
