/**
 * `alias.snake_case AS "camelCase"` for each column: the select list of a raw read shaped like its entity, so that a
 * long list is written once and PostgreSQL, which folds unquoted names to lower case, keeps the property names.
 */
export function columnsAs(alias: string, columns: readonly string[]): string[] {
  return columns.map((c) => `${alias}.${c} AS "${c.replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase())}"`);
}
