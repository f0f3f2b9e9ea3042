export * from './plan.contract';
export * from './dashboard.contract';
export * from './health.contract';
