export declare const CLIENT_HEADER: string;
export declare function clientAddress(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  hops: number,
): string;
export declare function trustedHops(value: string | undefined): number;
