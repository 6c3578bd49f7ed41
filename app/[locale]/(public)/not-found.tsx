import { NotFoundView, notFoundLocale } from "@/components/layout/not-found-view";

// Inside the public layout (header, footer): Next renders a not-found boundary at the root
// layout's level only in the browser (the HTML has no body: vercel/next.js#62228), so the
// public pages have their own, one level down, rendered on the server like any page.
export default async function PublicNotFound() {
  return <NotFoundView locale={await notFoundLocale()} />;
}
