// Why statements are named (issue 10; decision 043): node-postgres sends an unnamed statement
// as Parse + Bind + Execute every time, and PostgreSQL plans it anew on each Bind. A team's
// roster spent ~6 ms of its ~9 ms in the database planning. A named statement is parsed
// once per connection; after five runs PostgreSQL's plan cache keeps a generic plan when it
// costs no more than the custom ones, and a Bind then only executes.

/**
 * The `statementNameGenerator` of @prisma/adapter-pg: one name per distinct SQL text, the
 * same on every connection of the pool. A name is never reused for another text (node-postgres
 * refuses that). Each named statement stays prepared on every connection that ran it, so only
 * the first `limit` texts get a name: statements whose text varies with their input (an IN
 * list of any length) cannot grow the server's memory without bound. The others run unnamed,
 * as before; an empty name is node-postgres's unnamed statement.
 */
export function statementNames(limit: number): (query: { sql: string }) => string {
  const names = new Map<string, string>();
  return ({ sql }) => {
    const known = names.get(sql);
    if (known !== undefined) return known;
    if (names.size >= limit) return '';
    const name = `aegira_${names.size}`;
    names.set(sql, name);
    return name;
  };
}
