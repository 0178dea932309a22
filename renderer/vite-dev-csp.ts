// The dev server injects an inline module script (React fast refresh) and connects a websocket for hot reload,
// both of which index.html's strict CSP forbids. In `serve` mode only, relax the meta tag the same way main's
// DEV_CSP relaxes the response header; built pages keep the strict policy.
import type { Plugin } from 'vite';

export function devCsp(): Plugin {
  return {
    name: 'shutterproof-dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws:");
    },
  };
}
