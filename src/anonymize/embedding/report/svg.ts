/**
 * Inline SVG charts for the HTML report: no script, no external asset, so the file opens
 * anywhere and can be archived as is. Every label goes through `escapeXml`.
 */
export const ORIGINAL_COLOUR = '#3b6ea8';
export const AVATAR_COLOUR = '#e08a2c';

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function fmt(n: number): string {
  return Number.isFinite(n) ? String(Number(n.toPrecision(3))) : '–';
}

/** Grouped bars: one group per label, one bar per series. */
export function groupedBarChart(title: string, labels: readonly string[], series: readonly { name: string; colour: string; values: readonly number[] }[], width = 320, height = 180): string {
  const margin = { top: 22, right: 8, bottom: 34, left: 34 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const max = Math.max(1e-12, ...series.flatMap((s) => s.values));
  const groupW = plotW / Math.max(1, labels.length);
  const barW = (groupW * 0.8) / Math.max(1, series.length);
  const parts: string[] = [];
  parts.push(`<text x="${width / 2}" y="14" text-anchor="middle" font-size="12" font-weight="600">${escapeXml(title)}</text>`);
  parts.push(`<line x1="${margin.left}" y1="${margin.top + plotH}" x2="${margin.left + plotW}" y2="${margin.top + plotH}" stroke="#888"/>`);
  parts.push(`<text x="${margin.left - 4}" y="${margin.top + 4}" text-anchor="end" font-size="9">${fmt(max)}</text>`);
  parts.push(`<text x="${margin.left - 4}" y="${margin.top + plotH}" text-anchor="end" font-size="9">0</text>`);
  labels.forEach((label, g) => {
    series.forEach((s, k) => {
      const v = s.values[g] ?? 0;
      const h = (v / max) * plotH;
      const x = margin.left + g * groupW + groupW * 0.1 + k * barW;
      parts.push(`<rect x="${x.toFixed(2)}" y="${(margin.top + plotH - h).toFixed(2)}" width="${Math.max(0.5, barW - 0.5).toFixed(2)}" height="${h.toFixed(2)}" fill="${s.colour}"><title>${escapeXml(`${s.name} · ${label}: ${fmt(v)}`)}</title></rect>`);
    });
    // Label every group when few, otherwise a handful, to stay legible.
    const step = Math.ceil(labels.length / 8);
    if (g % step === 0) {
      const x = margin.left + g * groupW + groupW / 2;
      parts.push(`<text x="${x.toFixed(2)}" y="${margin.top + plotH + 12}" text-anchor="middle" font-size="9">${escapeXml(label.length > 8 ? label.slice(0, 8) : label)}</text>`);
    }
  });
  series.forEach((s, k) => {
    const x = margin.left + k * 90;
    parts.push(`<rect x="${x}" y="${height - 12}" width="10" height="10" fill="${s.colour}"/><text x="${x + 14}" y="${height - 3}" font-size="10">${escapeXml(s.name)}</text>`);
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">${parts.join('')}</svg>`;
}

/** Correlation heatmap, −1 (blue) to +1 (red), NaN grey. */
export function heatmap(title: string, labels: readonly string[], matrix: readonly number[], size = 360): string {
  const m = labels.length;
  const margin = 70;
  const cell = (size - margin) / Math.max(1, m);
  const parts: string[] = [];
  parts.push(`<text x="${size / 2}" y="12" text-anchor="middle" font-size="12" font-weight="600">${escapeXml(title)}</text>`);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      const v = matrix[i * m + j]!;
      parts.push(`<rect x="${(margin + j * cell).toFixed(2)}" y="${(margin + i * cell).toFixed(2)}" width="${cell.toFixed(2)}" height="${cell.toFixed(2)}" fill="${colourFor(v)}"><title>${escapeXml(`${labels[i]} × ${labels[j]}: ${fmt(v)}`)}</title></rect>`);
    }
    const label = escapeXml(labels[i]!.slice(0, 10));
    parts.push(`<text x="${margin - 3}" y="${(margin + (i + 0.7) * cell).toFixed(2)}" text-anchor="end" font-size="${Math.min(10, cell).toFixed(1)}">${label}</text>`);
    parts.push(`<text transform="translate(${(margin + (i + 0.7) * cell).toFixed(2)},${margin - 3}) rotate(-60)" font-size="${Math.min(10, cell).toFixed(1)}">${label}</text>`);
  }
  // Extra room on the right for the last rotated column label.
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size + 40}" height="${size}" viewBox="0 0 ${size + 40} ${size}" role="img">${parts.join('')}</svg>`;
}

function colourFor(v: number): string {
  if (!Number.isFinite(v)) return '#ccc';
  const t = Math.max(-1, Math.min(1, v));
  const r = t > 0 ? 255 : Math.round(255 * (1 + t));
  const b = t < 0 ? 255 : Math.round(255 * (1 - t));
  const g = Math.round(255 * (1 - Math.abs(t)));
  return `rgb(${r},${g},${b})`;
}

/** Overlaid histograms sharing bin edges. */
export function histogramChart(title: string, edges: readonly number[], series: readonly { name: string; colour: string; counts: readonly number[] }[], width = 420, height = 200): string {
  const labels = edges.slice(0, -1).map((e) => fmt(e));
  const normalised = series.map((s) => {
    const total = s.counts.reduce((a, b) => a + b, 0) || 1;
    return { name: s.name, colour: s.colour, values: s.counts.map((c) => c / total) };
  });
  return groupedBarChart(title, labels, normalised, width, height);
}
