import { createServer } from 'node:http';
import type { Issue } from '../../lib/catalogue/model';
import { toSearchDocs } from '../../lib/search/documents';
import { readArtefact, resolveCurrentBuild } from '../../lib/store/artefacts';
import { createFlexPeer, createMiniPeer } from './peers';

/**
 * The peer the HTTP numbers are compared with: a bare Node `http` server answering
 * `/api/search?q=` with the top 20 `{ id, text }` from a plain FlexSearch or MiniSearch index over
 * the same paragraphs (read from INDEX_DIR's current build). No facets, highlighting or re-ranking.
 * Usage: `node --import tsx scripts/bench/bare-server.ts <flex|mini> <port>`; prints `ready` when listening.
 */
async function main(): Promise<void> {
  const [engine, portArg] = process.argv.slice(2);
  if (engine !== 'flex' && engine !== 'mini')
    throw new Error(`bench: bare-server: unknown engine "${engine}" (flex or mini)`);
  const port = Number(portArg);
  const indexDir = process.env.INDEX_DIR;
  if (!indexDir || !Number.isInteger(port)) throw new Error('bench: bare-server: needs INDEX_DIR and a port');
  const buildDir = await resolveCurrentBuild(indexDir);
  const { issues } = JSON.parse(await readArtefact(buildDir, 'catalogue.json')) as { issues: Issue[] };
  const docs = toSearchDocs(issues);
  const peer = engine === 'flex' ? createFlexPeer(docs) : createMiniPeer(docs);

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== '/api/search') {
      response.writeHead(404, { 'Content-Type': 'application/json' }).end('{"ok":false,"status":404}');
      return;
    }
    Promise.resolve(peer.search(url.searchParams.get('q') ?? ''))
      .then((hits) => {
        const body = JSON.stringify(hits.map((i) => ({ id: docs[i]!.id, text: docs[i]!.text })));
        response.writeHead(200, { 'Content-Type': 'application/json' }).end(body);
      })
      .catch(() => response.writeHead(500).end());
  });
  server.listen(port, '127.0.0.1', () => console.log(`ready ${peer.name} on ${port}`));
  const close = () => server.close(() => process.exit(0));
  process.on('SIGTERM', close);
  process.on('SIGINT', close);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
