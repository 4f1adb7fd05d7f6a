import { execSync } from 'node:child_process';
import fs from 'node:fs';

/** Builds the renderer once and clears old screenshots; every test then starts its own server. */
export default function globalSetup(): void {
  fs.rmSync('test-results/screens', { recursive: true, force: true });
  execSync('npm run build:renderer', { stdio: 'inherit' });
}
