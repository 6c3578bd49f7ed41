export declare const PAGE_BODY_LIMIT: number;
export declare const REPORT_BODY_LIMIT: number;
export declare function pageRefusal(
  method: string | undefined,
  url: string | undefined,
  headers: Record<string, string | string[] | undefined>,
): {
  status: 403 | 411 | 413;
  key: "crossOrigin" | "tooLarge" | "lengthRequired";
  locale: string;
} | null;
export declare function decodablePath(url: string | undefined): string;
export declare function isActionRequest(
  method: string | undefined,
  url: string | undefined,
  headers: Record<string, string | string[] | undefined>,
): boolean;
export declare function localeOf(url: string | undefined): string;
