import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv, type Plugin } from 'vite';

/**
 * `@trpc/client` defines every link in one module, so a bundler cannot leave its SSE link
 * (and the stream parser, retry and WebSocket helpers it drags in) out of the chunk that
 * holds the rest of the client. subscription-link.ts, loaded when the live stream opens,
 * gets its own instance of that module instead (a distinct id by a query suffix); tree
 * shaking then keeps the SSE code there and out of the first page. Only stateless link
 * code is duplicated: the classes both copies share (TRPCClientError) live in other modules.
 */
function lazySseClient(): Plugin {
  const suffix = '?sse-link';
  return {
    name: 'aegira:lazy-sse-client',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      const fromLink =
        importer?.endsWith('/src/trpc/subscription-link.ts') && source === '@trpc/client';
      // The WebSocket link's module, which the SSE link borrows a helper from: its own
      // instance too, or its WebSocket client class would stay in the first page.
      const fromCopy = importer?.endsWith(suffix) && /^\.\/wsLink-[^/]*\.mjs$/.test(source);
      if (!fromLink && !fromCopy) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved ? { ...resolved, id: `${resolved.id.replace(suffix, '')}${suffix}` } : null;
    },
  };
}

// The dev server forwards API calls to the API process so the browser sees one
// origin: the session cookie stays same-site and CSRF checks see a same-origin request.
export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, import.meta.dirname, '');
  const apiTarget = `http://localhost:${env.API_PORT ?? '3000'}`;
  const proxy = {
    '/trpc': { target: apiTarget, changeOrigin: false },
    '/health': { target: apiTarget, changeOrigin: false },
    // The audit bundle download (a file, not a procedure).
    '/api': { target: apiTarget, changeOrigin: false },
  };
  return {
    plugins: [react(), tailwindcss(), lazySseClient()],
    server: { port: 5173, strictPort: true, proxy },
    preview: { port: 4173, proxy },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      // No source maps in the build: nothing to serve publicly (the API refuses *.map anyway).
      sourcemap: false,
      // Every browser the app supports preloads modules natively; the polyfill would only
      // add to the first page.
      modulePreload: { polyfill: false },
      rolldownOptions: {
        output: {
          // Everything the first page loads statically in one file: split, the same code
          // compressed ~2 KB worse (no shared gzip window) and cost four extra requests.
          // Lazy pages import from it; what only they use stays in their own chunks.
          codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] },
        },
        treeshake: {
          // These two packages do not declare "sideEffects": false, so their unused links
          // (the WebSocket client among them) would ship. Their modules only define things.
          moduleSideEffects: [{ test: /\/@trpc\/(client|react-query)\//, sideEffects: false }],
        },
      },
    },
  };
});
