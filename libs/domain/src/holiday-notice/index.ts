export * from './read-holiday-notice';
