import { mkdir, readFile, readlink, readdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

/**
 * Build artefacts are written into a fresh folder under `<indexDir>/builds/`, and only when every
 * file is on disk is the `<indexDir>/current` symlink swapped to it (rename is atomic). A reader
 * resolves `current` once and reads that folder, so it never sees a half-written build, and a
 * server that loaded the previous build keeps serving it until it restarts.
 */
export const CURRENT_LINK = 'current';
const BUILDS = 'builds';
/** Older builds kept so a running server's folder is not removed under it. */
const KEEP_BUILDS = 3;

export async function writeArtefacts(indexDir: string, files: ReadonlyMap<string, string>): Promise<string> {
  const buildsDir = path.join(indexDir, BUILDS);
  await mkdir(buildsDir, { recursive: true });
  const id = `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const staging = path.join(buildsDir, `.${id}.partial`);
  await mkdir(staging, { recursive: true });
  for (const [name, content] of files) {
    await mkdir(path.dirname(path.join(staging, name)), { recursive: true });
    await writeFile(path.join(staging, name), content);
  }
  const finalDir = path.join(buildsDir, id);
  await rename(staging, finalDir);
  const tempLink = path.join(indexDir, `.${CURRENT_LINK}-${process.pid}`);
  await rm(tempLink, { force: true });
  await symlink(path.join(BUILDS, id), tempLink);
  await rename(tempLink, path.join(indexDir, CURRENT_LINK));
  await pruneBuilds(buildsDir, id);
  return finalDir;
}

/** The folder `current` points at, resolved once. */
export async function resolveCurrentBuild(indexDir: string): Promise<string> {
  try {
    return path.resolve(indexDir, await readlink(path.join(indexDir, CURRENT_LINK)));
  } catch {
    throw new Error(
      `index: no build found in ${indexDir}; run \`npm run index\` (or \`npm run build\`) first`,
    );
  }
}

export async function readArtefact(buildDir: string, name: string): Promise<string> {
  return (await readArtefactBytes(buildDir, name)).toString('utf8');
}

export async function readArtefactBytes(buildDir: string, name: string): Promise<Buffer> {
  try {
    return await readFile(path.join(buildDir, name));
  } catch {
    throw new Error(
      `index: ${path.join(buildDir, name)} is missing or unreadable; run \`npm run index\` to rebuild it`,
    );
  }
}

async function pruneBuilds(buildsDir: string, keep: string): Promise<void> {
  const entries = (await readdir(buildsDir)).filter((name) => name !== keep).sort();
  const stale = entries.filter((name) => name.endsWith('.partial') || name.startsWith('.'));
  const finished = entries.filter((name) => !stale.includes(name));
  const toRemove = [...stale, ...finished.slice(0, Math.max(0, finished.length - (KEEP_BUILDS - 1)))];
  for (const name of toRemove) await rm(path.join(buildsDir, name), { recursive: true, force: true });
}
