import { bytes, count, ms, percent, seconds, table, times } from './format';
import type { BenchResults, LoadResult } from './types';

/** The whole report as printed on stdout. */
export function renderReport(results: BenchResults): string {
  const { machine } = results;
  const parts: string[] = [
    `Import AI Search — bench, ${machine.date}`,
    `Machine: ${machine.cpu} × ${machine.cores}, ${bytes(machine.totalMemoryBytes)} RAM, Node ${machine.node}, ${machine.platform}`,
    `Load average at start: ${machine.loadAverage.map((l) => l.toFixed(2)).join(' ')}`,
    `Options: ${Object.entries(results.options)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}`,
  ];
  const section = (title: string, body: string) => parts.push('', `== ${title} ==`, body);

  if (results.build) {
    const { rows, growth, baselineRssBytes } = results.build;
    section(
      'Build',
      [
        table(
          [
            'scale',
            'issues',
            'paragraphs',
            'parse',
            'index+write',
            'build',
            'µs/para',
            'vs 1×',
            'artefact',
            'B/para',
            'peak RSS',
            'parse RSS',
          ],
          rows.map((r) => [
            `${r.scale}×${r.rejected ? ` (${r.rejected} rejected)` : ''}`,
            count(r.issues),
            count(r.paragraphs),
            seconds(r.parseMs),
            r.indexMs < 0 ? 'noise' : seconds(r.indexMs),
            seconds(r.buildMs),
            count(r.usPerParagraph),
            times(growth.find((g) => g.scale === r.scale)?.perParagraphVs1x ?? Number.NaN),
            bytes(r.artefactBytes),
            count(r.bytesPerParagraph),
            bytes(r.peakRssBytes),
            bytes(r.parsePeakRssBytes),
          ]),
        ),
        `Each build runs in its own child (node --import tsx); a child that only loads tsx peaks at ${bytes(baselineRssBytes)} RSS.`,
        'parse = a separate child that only reads the catalogue; index+write = build − parse.',
      ].join('\n'),
    );
  }

  if (results.engine) {
    const e = results.engine;
    section(
      'Engine latency',
      [
        `${e.queries} queries over ${count(e.paragraphs)} paragraphs; cold = first run of each query on a fresh engine (${e.coldRounds} engines), warm = repeated (result cache hits).`,
        table(
          ['engine', 'mode', 'samples', 'p50 ms', 'p99 ms', 'mean ms', 'max ms', 'index build'],
          e.rows.map((r) => [
            r.name,
            r.mode,
            count(r.latency.n),
            ms(r.latency.p50),
            ms(r.latency.p99),
            ms(r.latency.mean),
            ms(r.latency.max),
            seconds(r.buildMs),
          ]),
        ),
        `ours cold / FlexSearch p50: ${times(e.ratios.oursColdVsFlexP50)}   ours cold / MiniSearch p50: ${times(e.ratios.oursColdVsMiniP50)}   ours warm / FlexSearch p50: ${times(e.ratios.oursWarmVsFlexP50)}`,
        `Heap after GC: FlexSearch index ${bytes(e.memory.flexBytes)}, the engine's own tables ${bytes(e.memory.tablesBytes)}.`,
        '',
        'p50 by query kind (ms):',
        table(
          ['kind', 'queries', 'ours cold', 'flexsearch', 'minisearch'],
          e.byKind.map((k) => [k.kind, count(k.queries), ms(k.oursColdP50), ms(k.flexP50), ms(k.miniP50)]),
        ),
      ].join('\n'),
    );
  }

  if (results.http) {
    const { runs, ratios, uncached } = results.http;
    section(
      'HTTP',
      [
        loadTable(runs),
        'Ratios on GET /api/search over the query mix:',
        table(
          ['connections', 'ours/flex req/s (≥0.5)', 'ours/flex p99 (≤2)', 'ours/mini req/s (≥20)'],
          ratios.map((r) => [
            String(r.connections),
            times(r.oursVsFlexRps),
            times(r.oursVsFlexP99),
            times(r.oursVsMiniRps),
          ]),
        ),
        `Uncached: ${uncached[0]?.queries ?? 0} distinct queries drawn from the archive, cycled (no cache can answer):`,
        table(
          [
            'connections',
            'ours req/s',
            'flex req/s',
            'ours/flex (≥0.5)',
            'ours p99 ms',
            'flex p99 ms',
            'p99 ratio (≤2)',
          ],
          uncached.map((u) => [
            String(u.connections),
            count(u.oursRps),
            count(u.flexRps),
            times(u.oursVsFlexRps),
            ms(u.oursP99),
            ms(u.flexP99),
            times(u.oursVsFlexP99),
          ]),
        ),
      ].join('\n'),
    );
  }

  if (results.hostile) {
    const h = results.hostile;
    const slowest = [...h.requests].sort((a, b) => b.ms - a.ms).slice(0, 10);
    section(
      'Hostile requests (one at a time, idle server)',
      [
        `Slowest: ${ms(h.slowest.ms)} ms, ${h.slowest.label} (${h.slowest.status})`,
        `A cached search asked meanwhile (${count(h.probe.n)} times): p50 ${ms(h.probe.p50)} ms, worst wait ${ms(h.probe.max)} ms`,
        table(
          ['request', 'status', 'ms'],
          slowest.map((r) => [r.label, String(r.status), ms(r.ms)]),
        ),
        `Status codes of all ${h.requests.length}: ${Object.entries(
          h.requests.reduce<Record<string, number>>(
            (acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }),
            {},
          ),
        )
          .map(([code, n]) => `${code} ×${n}`)
          .join(', ')}`,
      ].join('\n'),
    );
  }

  if (results.typing) {
    const t = results.typing;
    section(
      'Typing a query (Chromium)',
      [
        `"${t.query}" at one key every ${t.keyDelayMs} ms, then the results scrolled through: ${t.requests.length} requests`,
        ...t.requests.map((r) => `  ${r}`),
      ].join('\n'),
    );
  }

  if (results.weight) {
    const w = results.weight;
    section(
      'Weight',
      [
        `Server RSS (pid ${w.serverPid}): ${bytes(w.idleRssBytes)} after its first search, ${bytes(w.serverRssBytes)} after the HTTP load`,
        table(
          ['page', 'status', 'HTML', 'HTML gz', 'scripts', 'JS', 'JS gz', 'nomodule gz'],
          w.pages.map((p) => [
            p.path,
            String(p.status),
            bytes(p.htmlBytes),
            bytes(p.htmlGzipBytes),
            String(p.scripts),
            bytes(p.jsBytes),
            bytes(p.jsGzipBytes),
            bytes(p.noModuleGzipBytes),
          ]),
        ),
        ...w.pages.map(
          (p) =>
            `Largest scripts of ${p.path} (gzipped): ${p.scriptSizes
              .slice(0, 4)
              .map((s) => `${s.src}${s.noModule ? ' (nomodule)' : ''} ${bytes(s.gzipBytes)}`)
              .join(', ')}`,
        ),
      ].join('\n'),
    );
  }

  if (results.soak) {
    const s = results.soak;
    const classes = Object.entries(s.load.statusClasses)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${k} ${count(n)}`)
      .join(', ');
    const codes = Object.entries(s.load.statusCodes)
      .map(([k, n]) => `${k}: ${count(n)}`)
      .join(', ');
    section(
      'Soak',
      [
        `${s.seconds} s at ${s.connections} connections over ${s.paths} paths (valid and hostile, /api/search and /)`,
        loadTable([s.load]),
        `Status classes: ${classes || 'none'}   (codes: ${codes || 'none'})`,
        `Connection errors: ${s.load.errors}, timeouts: ${s.load.timeouts}`,
        `Server RSS: ${bytes(s.rssStartBytes)} at start → ${bytes(s.rssEndBytes)} at end; steady-state growth ${times(s.rssSteadyGrowth)}`,
        `RSS each second (MB): ${s.rssSamples.map((b) => (b / 1024 / 1024).toFixed(0)).join(' ')}`,
        `After the soak the server ${s.aliveAfter ? 'still answers a plain search' : 'DOES NOT ANSWER'}.`,
      ].join('\n'),
    );
  }

  if (results.profile) {
    const p = results.profile;
    section(
      'CPU profile (a second server under node --cpu-prof, 16 connections)',
      [
        `profile: ${p.file}; ${p.seconds} s per workload, start-up excluded`,
        ...p.windows.flatMap((w) => [
          '',
          `${w.label}: ${seconds(w.busyMs)} busy, ${seconds(w.idleMs)} idle`,
          `  by owner: ${w.owners.map((o) => `${o.owner} ${percent(o.share)}`).join(', ')}`,
          table(
            ['function', 'self ms', 'share', 'where'],
            w.top.map((f) => [f.name, ms(f.selfMs), percent(f.share), f.location]),
          ),
        ]),
      ].join('\n'),
    );
  }

  section(
    'Targets',
    results.targets
      .map((t) => `${t.pass === null ? 'SKIP' : t.pass ? 'PASS' : 'MISS'}  ${t.name}: ${t.detail}`)
      .join('\n'),
  );
  if (results.notes.length) section('Notes', results.notes.map((n) => `- ${n}`).join('\n'));
  return parts.join('\n');
}

function loadTable(runs: readonly LoadResult[]): string {
  return table(
    ['run', 'conns', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'requests', 'B/resp', 'non-2xx', '5xx', 'errors'],
    runs.map((r) => [
      r.name,
      String(r.connections),
      count(r.requestsPerSecond),
      ms(r.latency.p50),
      ms(r.latency.p99),
      ms(r.latency.max),
      count(r.requests),
      bytes(r.bytesPerResponse),
      count(r.non2xx),
      count(r.statusClasses['5xx']),
      count(r.errors),
    ]),
  );
}
