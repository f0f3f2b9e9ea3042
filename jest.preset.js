// Shared Jest settings: TypeScript through ts-jest, workspace aliases to the libraries' sources.
const path = require('node:path');

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.spec.json') }],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  moduleNameMapper: {
    '^@taizhang/domain$': path.join(__dirname, 'libs/domain/src/index.ts'),
    '^@taizhang/contracts$': path.join(__dirname, 'libs/contracts/src/index.ts'),
  },
};
