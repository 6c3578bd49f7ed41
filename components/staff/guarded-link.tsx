// A reported link shown to staff. Links to violent content open behind a warning (what it is,
// that it opens in a new tab), never with a single stray click; each link is isolated
// left-to-right so an Arabic page does not reorder it.
export function GuardedLink({
  url,
  violent,
  labels,
}: {
  url: string;
  violent: boolean;
  labels: { summary: string; explain: string; open: string };
}) {
  const link = (text: string) => (
    <a href={url} rel="noopener noreferrer nofollow" target="_blank" className="underline">
      {text}
    </a>
  );
  if (!violent)
    return (
      <bdi dir="ltr" className="break-all">
        {link(url)}
      </bdi>
    );
  return (
    <details
      data-testid="guarded-link"
      className="rounded border border-danger/40 bg-danger-50 px-2 py-1"
    >
      <summary className="cursor-pointer">
        <span className="font-semibold text-danger">{labels.summary}</span>{" "}
        <bdi dir="ltr" className="break-all">
          {url}
        </bdi>
      </summary>
      <p className="mt-1">{labels.explain}</p>
      <p className="mt-1 font-semibold">{link(labels.open)}</p>
    </details>
  );
}
