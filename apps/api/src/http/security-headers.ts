import helmet from 'helmet';

/**
 * helmet's defaults (HSTS, nosniff, frame and opener policies, …) with a
 * Content-Security-Policy the built web app satisfies: its scripts and styles
 * are files from its own origin (Vite emits no inline script), so nothing
 * inline is allowed; the e2e test `csp.e2e.test.ts` fails on any violation.
 */
export function securityHeaders(options: { hsts: boolean }) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    // HSTS only when served over TLS (behind the proxy in production); on
    // http://localhost it would pin the browser to https for a year.
    strictTransportSecurity: options.hsts ? { maxAge: 15_552_000 } : false,
  });
}
