import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * A forum user's handle ("Posted by u/Chinook_Wind_Rancher", "> **u/PT_Megan_YYC** · 18d"): whoever writes under it
 * is one person, named by a pseudonym that others can look up and link to the rest of their posts, so the handle
 * is marked as a name whatever words it is made of. A forum's own accounts (its bots and moderators) are no one.
 */
const HANDLE = /(?<![\p{L}\p{N}_/])u\/([A-Za-z0-9][A-Za-z0-9_-]{2,19})(?![A-Za-z0-9_-])/dgu;
const SERVICE_ACCOUNT = /bot|moderator|automod|admin|deleted/i;

export function forumHandlePersonSpans(doc: Doc): Span[] {
  if (!doc.text.includes('u/')) return [];
  const out: Span[] = [];
  for (const m of doc.text.matchAll(HANDLE)) {
    if (SERVICE_ACCOUNT.test(m[1]!)) continue;
    const [start, end] = m.indices![1]!;
    out.push({ start, end, label: 'PERSON', score: 0.85, priority: PRIORITY.context, source: 'person-forum-handle' });
  }
  return out;
}
