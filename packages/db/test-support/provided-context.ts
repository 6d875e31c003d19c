// Shared by global-setup (which provides it) and fresh-database (which injects it),
// so every test program sees the typed context, not only the one that loads the setup.
export interface TestDatabaseServer {
  /** Owner (superuser for the embedded server) URL of a database that is not the template. */
  ownerUrl: string;
  /** Migrated database that each test file clones. */
  templateDatabase: string;
  /** Prefix of every database cloned in this run, so teardown can find leftovers. */
  databasePrefix: string;
  appPassword: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    aegiraDatabase: TestDatabaseServer;
  }
}
