import { readArtefact, resolveCurrentBuild } from './artefacts';
import { DEFAULT_HEAP_MB, heapCapFor } from './heap-budget';
import { checkManifest } from './manifest';

/**
 * The heap cap (MB) the production server runs under for the index in `indexDir`: `HEAP_MB` when
 * set, else sized to the index (`heapCapFor`). A missing or broken index gets the default cap: the
 * server itself then says what is wrong.
 */
export async function serverHeapMb(indexDir: string, setting = process.env.HEAP_MB): Promise<number> {
  const explicit = Number(setting);
  if (setting && Number.isFinite(explicit) && explicit > 0) return explicit;
  try {
    const buildDir = await resolveCurrentBuild(indexDir);
    return heapCapFor(checkManifest(JSON.parse(await readArtefact(buildDir, 'manifest.json')), buildDir));
  } catch {
    return DEFAULT_HEAP_MB;
  }
}

/**
 * Node's flags for the server: the old-space cap keeps its memory flat under load; a small young
 * generation (4 MB semi-spaces) keeps it so too, at a few percent of throughput.
 */
export function serverNodeFlags(heapMb: number): string[] {
  return [`--max-old-space-size=${heapMb}`, '--max-semi-space-size=4'];
}
