import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUNDLED_SAMPLE_FILES } from '../lib/archive/coverage';

/**
 * `npm run test:e2e`: builds the index (over ../shared/corpus when it exists, else the bundled
 * sample), a second index of the bundled sample alone, and the production app, then runs the
 * Playwright browser tests against two servers (one per index).
 */
const corpus = path.resolve('..', 'shared', 'corpus');
const catalogueDir = process.env.CATALOGUE_DIR ?? (existsSync(corpus) ? corpus : 'data/issues');
const env = {
  ...process.env,
  CATALOGUE_DIR: catalogueDir,
  INDEX_DIR: process.env.E2E_INDEX_DIR ?? '.index-e2e',
  E2E_SAMPLE_INDEX_DIR: process.env.E2E_SAMPLE_INDEX_DIR ?? '.index-e2e-sample',
  NEXT_TELEMETRY_DISABLED: '1',
};

function run(command: string, args: string[], extraEnv: Record<string, string> = {}): void {
  console.log(`e2e: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

console.log(`e2e: catalogue ${catalogueDir}`);
run('npx', ['tsx', 'scripts/index.ts', '--keep-going']);
// Only the files the repository ships, even in a checkout whose data/issues has been synced since.
const sampleDir = mkdtempSync(path.join(os.tmpdir(), 'e2e-sample-'));
for (const file of BUNDLED_SAMPLE_FILES)
  copyFileSync(path.join('data/issues', file), path.join(sampleDir, file));
run('npx', ['tsx', 'scripts/index.ts'], { CATALOGUE_DIR: sampleDir, INDEX_DIR: env.E2E_SAMPLE_INDEX_DIR });
rmSync(sampleDir, { recursive: true, force: true });
run('npx', ['next', 'build']);
run('npm', ['run', 'build:server']);
run('npx', ['playwright', 'test', ...process.argv.slice(2)]);
