// Unit specs beside the code, and HTTP tests in test/ against a real SQLite file (or PostgreSQL when DATABASE_URL is set).
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'api',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  testTimeout: 30000,
};
