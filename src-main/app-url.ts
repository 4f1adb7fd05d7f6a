import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where the built renderer lives, relative to the app root (the folder of package.json, or app.asar). */
export const RENDERER_INDEX = path.join('out', 'renderer', 'index.html');

export type RendererEntry = { kind: 'file'; path: string } | { kind: 'url'; url: string };

/**
 * The app's own page and the test every navigation and IPC sender must pass: in production the
 * file:// URL of out/renderer/index.html, in development the electron-vite dev server.
 * No Electron import, so it can be checked in Node.
 */
export interface AppUrlPolicy {
  entry: RendererEntry;
  /** True only for the app's own page (any hash or query: the router lives in the hash). */
  isAppUrl(url: string): boolean;
}

export function createAppUrlPolicy(
  appRoot: string,
  devServerUrl: string | undefined = process.env.ELECTRON_RENDERER_URL,
  platform: NodeJS.Platform = process.platform,
): AppUrlPolicy {
  if (devServerUrl) {
    const origin = new URL(devServerUrl).origin;
    return {
      entry: { kind: 'url', url: devServerUrl },
      isAppUrl: (url) => parse(url)?.origin === origin,
    };
  }

  const indexPath = path.resolve(appRoot, RENDERER_INDEX);
  const expected = pathToFileURL(indexPath);
  // Windows and macOS file systems ignore case; Chromium may also encode a path differently.
  const fold = (p: string) => (platform === 'win32' || platform === 'darwin' ? p.toLowerCase() : p);
  const expectedPath = fold(decode(expected.pathname) ?? expected.pathname);
  return {
    entry: { kind: 'file', path: indexPath },
    isAppUrl(url) {
      const u = parse(url);
      if (!u || u.protocol !== 'file:' || u.host !== expected.host) return false;
      const p = decode(u.pathname);
      return p !== undefined && fold(p) === expectedPath;
    },
  };
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

function decode(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

/** Parses `url` and returns it only when it is an http: or https: address, for shell.openExternal. */
export function externalHttpUrl(url: string): string | undefined {
  const u = parse(url);
  return u && (u.protocol === 'http:' || u.protocol === 'https:') ? u.href : undefined;
}
