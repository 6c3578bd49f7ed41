// A bar chart drawn as SVG on the server (readable without JavaScript), always with its data
// table beside it for screen readers and for anyone who wants the numbers.
export function BarChart({ id, title, labels, values, labelHeader, valueHeader }: { id: string; title: string; labels: string[]; values: number[]; labelHeader: string; valueHeader: string }) {
  const max = Math.max(1, ...values);
  const w = 36;
  const gap = 10;
  const h = 160;
  const width = labels.length * (w + gap) + gap;
  return (
    <figure className="space-y-2 rounded-xl bg-white p-4 shadow-sm" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="font-semibold">{title}</figcaption>
      <div className="grid gap-4 md:grid-cols-2">
        <svg viewBox={`0 0 ${width} ${h + 40}`} className="h-auto w-full" aria-hidden="true" style={{ direction: "ltr" }}>
          {values.map((v, i) => {
            const bh = Math.round((v / max) * h);
            const x = gap + i * (w + gap);
            return (
              <g key={i}>
                <rect x={x} y={h - bh + 16} width={w} height={bh} rx={3} fill="#0f6b52" />
                <text x={x + w / 2} y={h - bh + 11} textAnchor="middle" fontSize="11" fill="#14201c">{v}</text>
                <text x={x + w / 2} y={h + 32} textAnchor="middle" fontSize="10" fill="#4a5a54">{labels[i]}</text>
              </g>
            );
          })}
        </svg>
        <table className="w-full text-sm" data-testid={`${id}-table`}>
          <thead>
            <tr className="border-b border-gray-200"><th scope="col" className="py-1 text-start">{labelHeader}</th><th scope="col" className="py-1 text-end">{valueHeader}</th></tr>
          </thead>
          <tbody>
            {labels.map((l, i) => (
              <tr key={l} className="border-b border-gray-100"><th scope="row" className="py-1 text-start font-normal">{l}</th><td className="py-1 text-end tabular-nums">{values[i]}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
