import { KINDS } from "@/lib/vocabulary";

export { KINDS };
export type Kind = (typeof KINDS)[number];

export const CATEGORIES = {
  rumor: ["security_rumor", "fake_incident", "impersonation", "manipulated_media", "other_rumor"],
  violent_content: [
    "violence",
    "crime_documentation",
    "threats_weapons",
    "incitement",
    "terrorism_praise",
    "other_violent",
  ],
} as const satisfies Record<Kind, readonly string[]>;
export type Category = (typeof CATEGORIES)[Kind][number];

export const ALL_CATEGORIES: readonly Category[] = [
  ...CATEGORIES.rumor,
  ...CATEGORIES.violent_content,
];

export const MAX_URLS = 5;
export const DESCRIPTION_MIN = 20;
export const DESCRIPTION_MAX = 5000;
