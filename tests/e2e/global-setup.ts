import { execSync } from 'node:child_process';

/** Builds the renderer once; every test then starts its own server on a fresh database. */
export default function globalSetup(): void {
  execSync('npm run build:renderer', { stdio: 'inherit' });
}
