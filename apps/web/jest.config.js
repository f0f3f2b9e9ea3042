// Pure web helpers (i18n dictionaries, formatting). User journeys run in a real Chromium under tests/.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'web',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
