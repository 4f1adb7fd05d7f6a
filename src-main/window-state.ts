/**
 * The main window's size and position, kept in userData/window-state.json between runs.
 * What is read back is checked: a damaged file, absurd numbers or a position on a display that
 * is no longer attached fall back to a centred window that fits the screen.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, Rectangle } from 'electron';

export const WINDOW_STATE_FILE = 'window-state.json';

export const DEFAULT_SIZE = { width: 1280, height: 800 };
export const MIN_SIZE = { width: 800, height: 560 };
const MAX_SIDE = 32_768;
/** How much of the title bar must lie on some display for a saved position to be used. */
const VISIBLE = { width: 120, height: 40 };

export interface WindowState {
  /** Absent: let the system centre the window. */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);

/** The saved state if the value has the right shape and sane numbers, else undefined. */
export function parseWindowState(value: unknown): WindowState | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  const { x, y, width, height, maximized } = v;
  if (!isInt(width) || !isInt(height)) return undefined;
  if (width < MIN_SIZE.width || height < MIN_SIZE.height || width > MAX_SIDE || height > MAX_SIDE)
    return undefined;
  const state: WindowState = { width, height, maximized: maximized === true };
  if (isInt(x) && isInt(y) && Math.abs(x) <= MAX_SIDE && Math.abs(y) <= MAX_SIDE) {
    state.x = x;
    state.y = y;
  }
  return state;
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

/**
 * Keeps a state on screen: the size is cut to the largest work area, and a position whose title
 * bar is not on any display is dropped (the window is then centred on the primary display).
 */
export function fitToDisplays(state: WindowState, workAreas: Rectangle[], primary: Rectangle): WindowState {
  const areas = workAreas.length > 0 ? workAreas : [primary];
  const maxWidth = Math.max(...areas.map((a) => a.width));
  const maxHeight = Math.max(...areas.map((a) => a.height));
  const fitted: WindowState = {
    width: Math.min(state.width, maxWidth),
    height: Math.min(state.height, maxHeight),
    maximized: state.maximized,
  };
  const { x, y } = state;
  if (x === undefined || y === undefined) return fitted;
  const titleBar = { x, y, width: fitted.width, height: VISIBLE.height };
  const visible = areas.some((area) => {
    const o = overlap(titleBar, area);
    // The top edge itself must be on the display, so the window can be grabbed and moved.
    const topOnScreen = y >= area.y && y < area.y + area.height;
    return topOnScreen && o.width >= Math.min(VISIBLE.width, fitted.width) && o.height > 0;
  });
  if (visible) return { ...fitted, x, y };
  // Centred on the primary display instead, at a size that fits it.
  return {
    ...fitted,
    width: Math.min(fitted.width, primary.width),
    height: Math.min(fitted.height, primary.height),
  };
}

/** Reads the saved state, or the default size when there is none or it is unusable. */
export function loadWindowState(file: string, workAreas: Rectangle[], primary: Rectangle): WindowState {
  let saved: WindowState | undefined;
  try {
    saved = parseWindowState(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    saved = undefined; // missing or damaged: start fresh
  }
  return fitToDisplays(saved ?? { ...DEFAULT_SIZE, maximized: false }, workAreas, primary);
}

/** Writes through a temporary file, so a crash mid-write never leaves half a file. */
export function saveWindowState(file: string, state: WindowState): void {
  const tmp = `${file}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(tmp, JSON.stringify(state, null, 2));
    fs.renameSync(tmp, file);
  } catch (err) {
    console.warn('[solo-crm] cannot save the window state', err);
  }
}

/** Saves the window's normal (not maximized) bounds and whether it was maximized when it closes. */
export function trackWindowState(win: BrowserWindow, file: string): void {
  win.on('close', () => {
    const b = win.getNormalBounds();
    saveWindowState(file, { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() });
  });
}
