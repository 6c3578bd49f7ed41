import { notFound } from "next/navigation";

// Any address under a language that no page answers: the public 404, with the site around it.
export default function UnknownPage(): never {
  notFound();
}
