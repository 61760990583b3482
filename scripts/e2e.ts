import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * `npm run test:e2e`: builds the index (over ../shared/corpus when it exists, else the bundled
 * sample) and the production app, then runs the Playwright browser tests against `next start`.
 */
const corpus = path.resolve('..', 'shared', 'corpus');
const catalogueDir = process.env.CATALOGUE_DIR ?? (existsSync(corpus) ? corpus : 'data/issues');
const env = {
  ...process.env,
  CATALOGUE_DIR: catalogueDir,
  INDEX_DIR: process.env.E2E_INDEX_DIR ?? '.index-e2e',
  NEXT_TELEMETRY_DISABLED: '1',
};

function run(command: string, args: string[]): void {
  console.log(`e2e: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

console.log(`e2e: catalogue ${catalogueDir}`);
run('npx', ['tsx', 'scripts/index.ts', '--keep-going']);
run('npx', ['next', 'build']);
run('npm', ['run', 'build:server']);
run('npx', ['playwright', 'test', ...process.argv.slice(2)]);
