/** The longest string, and the most array items, an error message quotes. */
const MAX_QUOTED_CHARS = 64;
const MAX_QUOTED_ITEMS = 16;

/**
 * How error messages show a value: strings quoted, arrays bracketed, NaN by name; a long
 * string or array is cut, saying how long it was, so that a hostile value cannot fill a log.
 */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') {
    if (value.length <= MAX_QUOTED_CHARS) return JSON.stringify(value);
    return `${JSON.stringify(value.slice(0, MAX_QUOTED_CHARS))}... (${value.length} characters)`;
  }
  if (Array.isArray(value)) {
    const shown = value.slice(0, MAX_QUOTED_ITEMS).map(formatValue);
    if (value.length > MAX_QUOTED_ITEMS) shown.push(`... (${value.length} items)`);
    return `[${shown.join(',')}]`;
  }
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  return String(value);
}
