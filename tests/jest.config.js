// Journeys in a real headless Chromium (Debian's /usr/bin/chromium) against the built API and web app,
// and several API processes sharing one database.
module.exports = {
  ...require('../jest.preset.js'),
  displayName: 'browser',
  rootDir: __dirname,
  testMatch: ['<rootDir>/browser/**/*.e2e.ts', '<rootDir>/instances/**/*.e2e.ts'],
  testTimeout: 60000,
};
