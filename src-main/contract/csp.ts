/**
 * The one Content-Security-Policy of the renderer, shared by the Electron app and the browser
 * edition: a response header where there are headers (http), and a meta tag in the built
 * index.html for the desktop app's file:// page (vite.renderer.config.ts writes it).
 * Mantine writes inline styles, hence `'unsafe-inline'` for styles only; scripts stay `'self'`.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
