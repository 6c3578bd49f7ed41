/**
 * The message for why a staff action was refused: `refused.<key>` in the translator's
 * namespace, or `refused.error` when the message files have no such key. The message files are
 * the one list of refusals.
 */
export function refusalMessage(
  t: { (key: string): string; has(key: string): boolean },
  key: string | undefined,
): string {
  return t(`refused.${key && /^\w+$/.test(key) && t.has(`refused.${key}`) ? key : "error"}`);
}
