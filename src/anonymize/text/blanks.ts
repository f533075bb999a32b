/**
 * Where the spaces and tabs that end `text.slice(from, at)` begin: `at` itself when none do. The
 * end-anchored checks (the word before a span, a connector before a name) read backwards from a span
 * over its blanks instead of trying an end-anchored regex from every position of a window.
 */
export function blanksStartBefore(text: string, from: number, at: number): number {
  let start = at;
  while (start > from) {
    const code = text.charCodeAt(start - 1);
    if (code !== 0x20 && code !== 0x09) break;
    start--;
  }
  return start;
}
