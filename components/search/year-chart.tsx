import { formatCount } from '@/lib/format';
import type { FacetLink } from './facet-list';

const WIDTH = 320;
const HEIGHT = 96;
const LABEL = 20;

/**
 * Matches per year as a small server-rendered bar chart; each bar links to that year's filter.
 * Shows at a glance when a subject was covered.
 */
export function YearChart({ years }: { years: FacetLink[] }) {
  const data = years.filter((y) => /^\d{4}$/.test(y.value)).sort((a, b) => Number(a.value) - Number(b.value));
  if (data.length === 0) return null;
  const first = Number(data[0]!.value);
  const last = Number(data[data.length - 1]!.value);
  const span = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const byYear = new Map(data.map((y) => [Number(y.value), y]));
  const max = Math.max(1, ...data.map((y) => y.count));
  const slot = WIDTH / span.length;
  const barWidth = Math.max(4, Math.min(28, slot * 0.7));
  const total = data.reduce((n, y) => n + y.count, 0);
  return (
    <figure className="mb-6">
      <figcaption className="mb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
        Matches per year
      </figcaption>
      {/* Not role="img": each bar is a link, named for its year and count. */}
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT + LABEL}`} className="w-full">
        {span.map((year, i) => {
          const facet = byYear.get(year);
          const count = facet?.count ?? 0;
          const h = count === 0 ? 0 : Math.max(2, (count / max) * (HEIGHT - 4));
          const x = i * slot + (slot - barWidth) / 2;
          const bar = (
            <>
              <rect x={i * slot} y={0} width={slot} height={HEIGHT + LABEL} fill="transparent" />
              <rect
                x={x}
                y={HEIGHT - h}
                width={barWidth}
                height={h}
                rx={2}
                className={facet?.selected ? 'fill-indigo-600' : 'fill-indigo-300 dark:fill-indigo-500/60'}
              />
              <text
                x={i * slot + slot / 2}
                y={HEIGHT + 16}
                textAnchor="middle"
                className="fill-zinc-500 text-[14px] dark:fill-zinc-400"
              >
                {span.length > 8 ? `’${String(year).slice(2)}` : year}
              </text>
              <title>{`${year}: ${formatCount(count)} of ${formatCount(total)}`}</title>
            </>
          );
          return facet && count > 0 ? (
            <a
              key={year}
              href={facet.toggleUrl}
              aria-label={`${year}: ${count} matches${facet.selected ? ' (selected)' : ''}`}
            >
              {bar}
            </a>
          ) : (
            <g key={year}>{bar}</g>
          );
        })}
      </svg>
    </figure>
  );
}
