import { NotFoundView, notFoundLocale } from "@/components/layout/not-found-view";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";

// The staff area's "not found" lands here, outside the public layout: it brings the site's
// header and footer itself.
export default async function NotFound() {
  const locale = await notFoundLocale();
  return (
    <>
      <SiteHeader locale={locale} />
      <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 py-10">
        <NotFoundView locale={locale} />
      </main>
      <SiteFooter locale={locale} />
    </>
  );
}
