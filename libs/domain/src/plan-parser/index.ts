export * from './types';
export { normaliseWhitespace, foldForMatching, chineseNumberValue } from './normalise-text';
export { readCells } from './read-cells';
export { parseDepartmentText, parseNameList, canonicalGroupName } from './parse-departments';
export { parseStructure } from './parse-structure';
export { extractTargets } from './extract-targets';
export { maskNonTargets } from './mask-non-targets';
export { parsePlan, parsedTasks } from './parse-plan';
export * from './to-plan-seed';
