// A chart as a table: each row its label, a bar and the number. Labels are text at the page's
// size (not 5 px under a column), bars grow from the start of the line (right in Arabic), it
// reads without JavaScript, prints, and a screen reader reads it as the table it is.
export function BarChart({
  id,
  title,
  rows,
  labelHeader,
  valueHeader,
}: {
  id: string;
  title: string;
  rows: { label: string; value: number; shown: string }[];
  labelHeader: string;
  valueHeader: string;
}) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <figure
      className="space-y-2 rounded-xl bg-white p-4 shadow-sm print:p-1 print:text-xs"
      aria-labelledby={`${id}-title`}
    >
      <figcaption id={`${id}-title`} className="font-semibold">
        {title}
      </figcaption>
      <table className="w-full text-sm print:text-xs" data-testid={`${id}-table`}>
        <thead className="sr-only">
          <tr>
            <th scope="col">{labelHeader}</th>
            <th scope="col">{valueHeader}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th
                scope="row"
                className="w-2/5 py-1 pe-2 text-start align-middle font-normal print:py-0"
              >
                {r.label}
              </th>
              <td className="py-1 align-middle print:py-0">
                <div className="flex items-center gap-2">
                  <div
                    aria-hidden="true"
                    className="h-4 rounded-e bg-brand-600 print:h-2.5 print:border print:border-brand-600"
                    style={{ width: `${(r.value / max) * 75}%`, minWidth: r.value ? "2px" : 0 }}
                  />
                  <span className="tabular-nums">{r.shown}</span>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
