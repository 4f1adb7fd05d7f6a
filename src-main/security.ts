/**
 * The Electron security checklist, applied to every web contents and session: no navigation
 * away from the app, no new windows, no <webview>, no permissions, a strict CSP.
 * After Actual Budget's desktop security.ts, plus the CSP and the link handling it lacks.
 */
import { app, session, shell, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from './contract/csp';
import { externalHttpUrl, type AppUrlPolicy } from './app-url';

/** Call once, after `app` is ready and before the first window is created. */
export function installSecurity(policy: AppUrlPolicy): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, policy));
  hardenSession(session.defaultSession, policy);
  app.on('session-created', (ses) => hardenSession(ses, policy));
}

function hardenWebContents(contents: WebContents, policy: AppUrlPolicy): void {
  const guard = (kind: string) => (details: Electron.Event<{ url: string }>) => {
    if (policy.isAppUrl(details.url)) return;
    details.preventDefault();
    console.warn(`[solo-crm] blocked ${kind} to ${details.url}`);
  };
  contents.on('will-navigate', guard('navigation'));
  // Also sub-frames and server redirects (only the dev server could redirect).
  contents.on('will-frame-navigate', guard('frame navigation'));
  contents.on('will-redirect', guard('redirect'));

  // No window.open / target=_blank inside the app: web links go to the user's browser.
  contents.setWindowOpenHandler(({ url }) => {
    openExternalLink(url);
    return { action: 'deny' };
  });

  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Opens an http(s) link in the default browser; anything else (file:, javascript:, custom schemes) is dropped. */
export function openExternalLink(url: string): void {
  const safe = externalHttpUrl(url);
  if (!safe) {
    console.warn(`[solo-crm] refused to open ${url}`);
    return;
  }
  shell.openExternal(safe).catch((err: unknown) => console.error('[solo-crm] cannot open link', err));
}

function hardenSession(ses: Session, policy: AppUrlPolicy): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);

  // Response headers exist only for http(s): the dev server, or anything that slips through.
  // The packaged file:// page gets the same policy from a meta tag that the build writes into
  // index.html (see electron.vite.config.ts). In development the React refresh preamble is an
  // inline script, so there, and only there, inline scripts are allowed.
  const csp =
    policy.entry.kind === 'url'
      ? CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
      : CONTENT_SECURITY_POLICY;
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    }
    headers['Content-Security-Policy'] = [csp];
    callback({ responseHeaders: headers });
  });
}
