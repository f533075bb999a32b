/**
 * XHTML / HTML handling for de-identification: text nodes (and the human-readable attributes
 * title, alt, href) are de-identified; tags and structure are copied; everything that could carry
 * text but is not text — comments, processing instructions, declarations, `<style>`/`<script>`
 * content, attributes outside a structural allowlist or with a value not of their shape, `style`
 * and `class` — is removed (fail closed); CDATA sections
 * become ordinary, escaped text. Every new text is escaped again, so a valid FHIR narrative stays a
 * valid FHIR narrative.
 *
 * Text nodes are joined into one string before detection so that a name split by inline markup
 * (`<b>Dr</b> Martin`) is still seen in context; block elements insert a line break.
 */
const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<![^>]*>|<\/?[A-Za-z][^>]*>|[^<]+|</g;
const BLOCK = /^<\/?(?:p|div|br|li|ul|ol|tr|td|th|table|thead|tbody|tfoot|caption|h[1-6]|section|article|header|footer|blockquote|pre|dl|dt|dd|hr)\b/i;
const TEXT_ATTRS = /(\s(?:title|alt|href)\s*=\s*)("([^"]*)"|'([^']*)')/gi;
const ATTRIBUTE = /(\s+)([A-Za-z_:][-A-Za-z0-9_:.]*)(\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?/g;
/** The human-readable attributes: kept, their value de-identified as plain text. */
const TEXT_ATTR_NAMES = new Set(['title', 'alt', 'href']);
const COUNT = /^\d{1,4}$/;
/**
 * Attributes that only shape the document, each with the only values it is kept with. A value is
 * free text to whoever wrote the narrative and no detector reads it, so a value of any other shape
 * (`colspan="Dupont"`) drops the attribute. Every attribute not listed (id, src, data-*, abbr…) is
 * dropped, and so are `style` (free text: `content:'…'`, font names) and `class`: a class token has
 * the shape of a surname or an identifier (`dupont-jeanne`, `ipp-4417`), so no pattern could keep
 * real classes and refuse those, and a narrative reads the same without them.
 */
const STRUCTURAL_ATTRS: ReadonlyMap<string, RegExp> = new Map([
  ...['colspan', 'rowspan', 'span', 'border', 'cellpadding', 'cellspacing', 'start'].map((name) => [name, COUNT] as const),
  ['width', /^\d{1,5}(?:%|px)?$/],
  ['height', /^\d{1,5}(?:%|px)?$/],
  ['align', /^(?:left|right|center|justify|char)$/i],
  ['valign', /^(?:top|middle|bottom|baseline)$/i],
  ['dir', /^(?:ltr|rtl|auto)$/i],
  // A language tag: a 2–3 letter language, then up to two short subtags (fr, fr-FR, zh-Hant-TW).
  ['lang', /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,2}$/],
  ['xml:lang', /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,2}$/],
  // List numbering and bullet styles.
  ['type', /^(?:1|a|A|i|I|disc|circle|square)$/],
  // The one namespace of a FHIR narrative.
  ['xmlns', /^http:\/\/www\.w3\.org\/1999\/xhtml$/],
]);
const NOT_TEXT = /^<(?:!--|\?|!(?!\[CDATA\[))/;
const CDATA = /^<!\[CDATA\[([\s\S]*)\]\]>$/;

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', eacute: 'é', egrave: 'è', ecirc: 'ê', euml: 'ë', agrave: 'à', acirc: 'â',
  ccedil: 'ç', ocirc: 'ô', ouml: 'ö', ucirc: 'û', ugrave: 'ù', uuml: 'ü', icirc: 'î', iuml: 'ï', Eacute: 'É', Egrave: 'È', Agrave: 'À', Ccedil: 'Ç',
  laquo: '«', raquo: '»', deg: '°', copy: '©', reg: '®', hellip: '…', ndash: '–', mdash: '—', rsquo: '’', lsquo: '‘', oelig: 'œ', micro: 'µ',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name] ?? whole;
  });
}

export function escapeText(s: string): string {
  return s.replace(/&(?!(?:#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);)/gi, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttr(s: string, quote: string): string {
  return escapeText(s).replace(quote === '"' ? /"/g : /'/g, quote === '"' ? '&quot;' : '&apos;');
}

export type TextRewriter = (text: string) => Promise<string>;
export type SpanRewriter = (text: string) => Promise<{ spans: { start: number; end: number; replacement: string }[] }>;

/**
 * Rewrites the text of a markup document: `findReplacements` gets the joined, decoded text and
 * returns replacements by offset; `rewritePlain` rewrites attribute values on their own.
 */
export async function rewriteMarkup(markup: string, findReplacements: SpanRewriter, rewritePlain: TextRewriter): Promise<string> {
  const tokens = markup.match(TOKEN) ?? [];
  const texts: { token: number; start: number; end: number; decoded: string; cdata?: boolean }[] = [];
  let joined = '';
  let skip: string | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (NOT_TEXT.test(tok)) {
      tokens[i] = ''; // comments, processing instructions, declarations: never released
      continue;
    }
    const cdata = CDATA.exec(tok);
    if (cdata) {
      // CDATA is text content: de-identified and written back as escaped text.
      texts.push({ token: i, start: joined.length, end: joined.length + cdata[1]!.length, decoded: cdata[1]!, cdata: true });
      joined += cdata[1]!;
      continue;
    }
    if (tok.startsWith('<') && tok.length > 1) {
      const open = /^<(script|style)\b/i.exec(tok);
      if (open && !tok.endsWith('/>')) skip = open[1]!.toLowerCase();
      else if (skip && new RegExp(`^</${skip}\\s*>`, 'i').test(tok)) skip = undefined;
      if (BLOCK.test(tok)) joined += '\n';
      continue;
    }
    if (skip === 'script') {
      tokens[i] = ''; // never let script content through
      continue;
    }
    if (skip === 'style') {
      tokens[i] = ''; // style sheets are not needed to read a narrative and could hide text
      continue;
    }
    const decoded = tok === '<' ? '<' : decodeEntities(tok);
    texts.push({ token: i, start: joined.length, end: joined.length + decoded.length, decoded });
    joined += decoded;
  }
  const { spans } = await findReplacements(joined);
  const edits = new Map<number, { start: number; end: number; replacement: string }[]>();
  for (const span of spans) {
    let first = true;
    for (const t of texts) {
      if (t.end <= span.start || t.start >= span.end) continue;
      const local = { start: Math.max(span.start, t.start) - t.start, end: Math.min(span.end, t.end) - t.start, replacement: first ? span.replacement : '' };
      first = false;
      let list = edits.get(t.token);
      if (!list) edits.set(t.token, (list = []));
      list.push(local);
    }
  }
  for (const t of texts) {
    const list = edits.get(t.token);
    if (!list) {
      if (tokens[t.token] === '<') tokens[t.token] = '&lt;';
      else if (t.cdata) tokens[t.token] = escapeText(t.decoded);
      continue;
    }
    list.sort((a, b) => b.start - a.start);
    let value = t.decoded;
    for (const e of list) value = value.slice(0, e.start) + e.replacement + value.slice(e.end);
    tokens[t.token] = escapeText(value);
  }
  for (let i = 0; i < tokens.length; i++) {
    let tok = tokens[i]!;
    if (!/^<[A-Za-z]/.test(tok)) continue;
    tok = tokens[i] = tok.replace(ATTRIBUTE, (whole, _space: string, name: string, assigned: string | undefined) => (keepsAttribute(name, assigned) ? whole : ''));
    const pieces: Promise<string>[] = [];
    tok.replace(TEXT_ATTRS, (_whole, _lead: string, _q: string, dq: string | undefined, sq: string | undefined) => {
      pieces.push(rewritePlain(decodeEntities(dq ?? sq ?? '')));
      return '';
    });
    if (pieces.length === 0) continue;
    const values = await Promise.all(pieces);
    let k = 0;
    tokens[i] = tok.replace(TEXT_ATTRS, (_whole, lead: string, quoted: string) => {
      const q = quoted[0]!;
      return `${lead}${q}${escapeAttr(values[k++]!, q)}${q}`;
    });
  }
  return tokens.join('');
}

/** Whether an attribute of an element tag is released: a text attribute, or a structural one with a value of its shape. */
function keepsAttribute(name: string, assigned: string | undefined): boolean {
  const lower = name.toLowerCase();
  if (TEXT_ATTR_NAMES.has(lower)) return true;
  const shape = STRUCTURAL_ATTRS.get(lower);
  if (shape === undefined || assigned === undefined) return false;
  const raw = assigned.replace(/^\s*=\s*/, '');
  const value = raw.startsWith('"') || raw.startsWith("'") ? raw.slice(1, -1) : raw;
  return shape.test(decodeEntities(value));
}
