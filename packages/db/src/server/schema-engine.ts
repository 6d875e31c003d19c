import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import pg from 'pg';

// Prisma's schema engine compiled to WebAssembly: migrations without the native engine
// binary, which the Prisma CLI would have to download (this machine cannot).
//
// The package's entry does `import * as wasm from './schema_engine_bg.wasm'`, which Node 20
// only accepts with --experimental-wasm-modules, a flag that neither `tsx` scripts nor
// vitest workers pass. So we do by hand what that entry does: load the JS glue (a plain
// module), instantiate the .wasm file with the glue as its import object, and hand the
// instance back to the glue. No flag is needed anywhere.

type Glue = typeof import('@prisma/schema-engine-wasm/schema_engine_bg');

// The typings of the WebAssembly global live in lib.dom, which this Node-only project does not
// load; this is the one call we make.
interface WebAssemblyApi {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, unknown>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
}
const wasmApi = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;

let gluePromise: Promise<Glue> | undefined;

function loadGlue(): Promise<Glue> {
  gluePromise ??= (async () => {
    const glue: Glue = await import('@prisma/schema-engine-wasm/schema_engine_bg');
    const gluePath = createRequire(import.meta.url).resolve(
      '@prisma/schema-engine-wasm/schema_engine_bg',
    );
    const bytes = await fs.readFile(path.join(path.dirname(gluePath), 'schema_engine_bg.wasm'));
    // The module imports its host functions from the glue under this specifier.
    const { instance } = await wasmApi.instantiate(bytes, {
      './schema_engine_bg.js': withUnrefTimers(glue),
    });
    glue.__wbg_set_wasm(instance.exports);
    const start = instance.exports.__wbindgen_start;
    if (typeof start === 'function') start();
    return glue;
  })();
  return gluePromise;
}

/**
 * The engine arms 10 s timers to bound its operations and never clears them (its glue has no
 * clearTimeout), so every script would linger 10 s after finishing. Those operations hold a
 * database socket, which keeps the process alive while they matter, so the timers need not.
 */
function withUnrefTimers(glue: Glue): Record<string, unknown> {
  const imports: Record<string, unknown> = { ...glue };
  const entries: [string, unknown][] = Object.entries(glue);
  for (const [name, value] of entries) {
    if (!name.startsWith('__wbg_setTimeout_') || typeof value !== 'function') continue;
    imports[name] = (...args: unknown[]): unknown => {
      const timer: unknown = value(...args);
      if (typeof timer === 'object' && timer !== null && 'unref' in timer) {
        const { unref } = timer;
        if (typeof unref === 'function') unref.call(timer);
      }
      return timer;
    };
  }
  return imports;
}

export interface SchemaEngineOptions {
  /** Receives the engine's log lines (JSON text). */
  log?: (line: string) => void;
}

/**
 * Run `fn` with a schema engine connected to `url`, then free the engine and close its pool.
 * The connection is lazy: operations that need no database (diffing two schema texts) work
 * with any URL.
 */
export async function withSchemaEngine<T>(
  url: string,
  fn: (engine: SchemaEngine) => Promise<T>,
  options: SchemaEngineOptions = {},
): Promise<T> {
  const glue = await loadGlue();
  // Our own pool, so that we can end it: the engine does not close what the adapter opened.
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on('error', () => undefined);
  const adapter = bindMigrationAwareSqlAdapterFactory(wholeScriptAdapterFactory(pool));
  const log = options.log ?? (() => undefined);
  const engine = await glue.SchemaEngine.new({ datamodels: undefined }, log, adapter);
  try {
    return await fn(engine);
  } finally {
    engine.free();
    await pool.end().catch(() => undefined);
  }
}

export function schemaEngineVersion(): Promise<string> {
  return loadGlue().then((glue) => glue.version());
}

/**
 * PrismaPg, except that a migration script reaches PostgreSQL whole.
 *
 * PrismaPg's executeScript splits the script on every ";" and runs the pieces one by one.
 * That breaks any migration with a ";" inside a function body, DO block, string or comment
 * (the hand-written RLS and SECURITY DEFINER migrations have them), and a failure halfway
 * leaves the earlier pieces applied. Prisma's native engine sends the script as one simple
 * query instead, which PostgreSQL runs as one implicit transaction; so do we. A query
 * without parameters goes over pg's simple protocol, which accepts several statements, and
 * executeRaw keeps PrismaPg's translation of errors for the engine.
 */
function wholeScriptAdapterFactory(pool: pg.Pool): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaPg(pool);
  const wholeScripts = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    adapter.executeScript = async (script) => {
      await adapter.executeRaw({ sql: script, args: [], argTypes: [] });
    };
    return adapter;
  };
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => wholeScripts(await inner.connect()),
    connectToShadowDb: async () => wholeScripts(await inner.connectToShadowDb()),
  };
}
