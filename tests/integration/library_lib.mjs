// library_lib.mjs - what the library tests share: the demo documents as sql/demo/004_demo_library.sql holds
// them (the expected values come from the SQL file, never from the pages), the kinds as sql/025 seeds them,
// and a real, tiny PDF whose text pdftotext can extract.

import { readFileSync } from 'node:fs';
import { ROOT } from './lib.mjs';

/** The demo documents: { id, kind, tp (slug or null), title, year, language, audience, created_at }. */
export const demoDocs = (() => {
	const src = readFileSync(`${ROOT}/sql/demo/004_demo_library.sql`, 'utf8');
	const re = /\((\d+), \(SELECT id FROM library_kinds WHERE slug = '([^']+)'\), (NULL|\(SELECT id FROM technoparks WHERE slug = '([^']+)'\)), NULL,\s*'([^']+)',\s*'[^']*',\s*(\d+), '(\w+)', '(\w+)', '([^']+)'/g;
	const out = [];
	for (const m of src.matchAll(re))
		out.push({ id: Number(m[1]), kind: m[2], tp: m[4] ?? null, title: m[5], year: Number(m[6]), language: m[7],
			audience: m[8], created_at: m[9] });
	if (out.length === 0)
		throw new Error('sql/demo/004_demo_library.sql: no documents read');
	return out;
})();

/** The kinds sql/025_library.sql starts with: { slug, name_ko, name_en }. */
export const seedKinds = (() => {
	const src = readFileSync(`${ROOT}/sql/025_library.sql`, 'utf8');
	return [...src.matchAll(/\(\d+, '([a-z-]+)', '([^']+)', '([^']+)', \d+\)/g)].map((m) => ({ slug: m[1], name_ko: m[2], name_en: m[3] }));
})();

/** Newest first, as the board lists (created_at, then id). */
export const newestFirst = (a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : b.id - a.id);

/** A one-page PDF 1.4 whose page shows words (ASCII) in Helvetica, with a correct cross-reference table. */
export function pdfWith(words) {
	const esc = words.replace(/[\\()]/g, (c) => `\\${c}`);
	const stream = `BT /F1 18 Tf 72 720 Td (${esc}) Tj ET`;
	const objs = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
		`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
	];
	let out = '%PDF-1.4\n';
	const offsets = [];
	objs.forEach((o, i) => {
		offsets.push(out.length);
		out += `${i + 1} 0 obj\n${o}\nendobj\n`;
	});
	const xref = out.length;
	out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
	for (const off of offsets)
		out += `${String(off).padStart(10, '0')} 00000 n \n`;
	out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(out, 'latin1');
}

/** The rows of the board: [{ id, title, kind, publisher, year }] in page order. */
export function boardRows(html) {
	const body = /<tbody id="documents">([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
	return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => {
		const r = m[1];
		const cell = (label) => new RegExp(`data-label="${label}">([\\s\\S]*?)</td>`).exec(r)?.[1].replace(/<[^>]*>/g, '').trim();
		return {
			id: Number(/href="\/library\/(\d+)"/.exec(r)?.[1]),
			title: /class="doc-title"[^>]*>([^<]*)</.exec(r)?.[1],
			kind: /<span class="cat">\[([^\]]*)\]/.exec(r)?.[1],
			year: Number(cell('연도')),
		};
	});
}
