export declare function describeError(error: unknown): string;
export declare function logUnexpected(
  where: string,
  error: unknown,
  ids?: Record<string, string | number>,
): void;
export declare function installLogRedaction(): void;
