import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';

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
    plugins: [react(), tailwindcss()],
    server: { port: 5173, strictPort: true, proxy },
    preview: { port: 4173, proxy },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      // No source maps in the build: nothing to serve publicly (the API refuses *.map anyway).
      sourcemap: false,
      rolldownOptions: {
        treeshake: {
          // These two packages do not declare "sideEffects": false, so their unused links
          // (the WebSocket client among them) would ship. Their modules only define things.
          moduleSideEffects: [{ test: /\/@trpc\/(client|react-query)\//, sideEffects: false }],
        },
      },
    },
  };
});
