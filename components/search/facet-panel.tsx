import type { FacetLinkValue } from '@/lib/search/view';
import { FacetList } from './facet-list';
import { YearChart } from './year-chart';

interface Facets {
  topic: FacetLinkValue[];
  year: FacetLinkValue[];
  kind: FacetLinkValue[];
}

function PanelContents({ facets, idPrefix }: { facets: Facets; idPrefix: string }) {
  return (
    <>
      <YearChart years={facets.year} />
      <FacetList title="Topic" values={facets.topic} idPrefix={idPrefix} />
      <FacetList title="Year" values={facets.year} limit={6} idPrefix={idPrefix} />
      <FacetList title="Kind" values={facets.kind} idPrefix={idPrefix} />
    </>
  );
}

/** On a phone the facets fold into a disclosure; from `md` up they sit in a sidebar. */
export function FacetPanel({ facets, selectedCount }: { facets: Facets; selectedCount: number }) {
  return (
    <>
      <details className="rounded-lg border border-zinc-200 md:hidden dark:border-zinc-800">
        <summary className="cursor-pointer px-4 py-2.5 text-sm font-medium">
          Filters{selectedCount > 0 ? ` (${selectedCount} selected)` : ''}
        </summary>
        <div className="px-3 pt-2">
          <PanelContents facets={facets} idPrefix="phone-" />
        </div>
      </details>
      <aside aria-label="Filters" className="hidden md:block">
        <PanelContents facets={facets} idPrefix="" />
      </aside>
    </>
  );
}
