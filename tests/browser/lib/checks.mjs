// checks.mjs - what axe cannot see: one h1, lang="ko", a title that names the page, labelled form
// controls, a visible focus style on every Tab stop, and no sideways page scroll on a phone.
// Each check returns a list of problems (strings); an empty list means the page passes.
import AxeBuilder from '@axe-core/playwright';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe with the WCAG 2.1 A/AA tags; returns its violations, each made into readable lines. */
export async function axeViolations(page) {
	const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
	return result.violations.map((v) => ({
		id: v.id,
		text: `${v.id} (${v.impact}): ${v.help} [${v.helpUrl}]\n` + v.nodes.slice(0, 5).map((n) =>
			`    at ${n.target.join(' ')}: ${n.html.slice(0, 160)}\n      ${(n.failureSummary || '').replace(/\n/g, ' ')}`
		).join('\n') + (v.nodes.length > 5 ? `\n    ... and ${v.nodes.length - 5} more elements` : ''),
	}));
}

/** Document-level checks: h1, lang, title, labels. The site's name is read from the banner. */
export async function documentProblems(page, { isHome = false, lang = 'ko' } = {}) {
	const facts = await page.evaluate(() => {
		const text = (el) => (el ? el.textContent.replace(/\s+/g, ' ').trim() : '');
		const h1s = [...document.querySelectorAll('h1')];
		const controls = [...document.querySelectorAll('input, select, textarea')]
			.filter((el) => el.type !== 'hidden')
			.map((el) => {
				const byLabel = [...(el.labels || [])].map(text).join(' ');
				const byIds = (el.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean)
					.map((id) => text(document.getElementById(id))).join(' ');
				const isButton = ['submit', 'button', 'reset', 'image'].includes(el.type);
				const own = isButton ? (el.value || el.alt || '') : '';
				return {
					what: `<${el.localName}${el.id ? ' id="' + el.id + '"' : ''}${el.name ? ' name="' + el.name + '"' : ''}>`,
					name: (byLabel || byIds || el.getAttribute('aria-label') || own).trim(),
				};
			});
		const buttons = [...document.querySelectorAll('button')].map((b) => ({
			what: `<button${b.type ? ' type="' + b.type + '"' : ''}>`,
			name: (text(b) || b.getAttribute('aria-label') || '').trim(),
		}));
		return {
			lang: document.documentElement.getAttribute('lang'),
			title: document.title.trim(),
			h1s: h1s.map((h) => ({ text: text(h), inMain: !!h.closest('main') })),
			brand: text(document.querySelector('header .brand-name')) || text(document.querySelector('header a[href="/"]')),
			controls: controls.concat(buttons),
		};
	});
	const problems = [];
	if (facts.lang !== lang)
		problems.push(`<html lang> is ${JSON.stringify(facts.lang)}, not "${lang}"`);
	if (facts.h1s.length !== 1)
		problems.push(`${facts.h1s.length} <h1> elements (${facts.h1s.map((h) => JSON.stringify(h.text)).join(', ')}); a page has exactly one`);
	else if (facts.h1s[0].text === '')
		problems.push('the <h1> is empty');
	else if (!facts.h1s[0].inMain)
		problems.push('the <h1> is outside <main>');
	// The title is "<page> | <site>": the page part must be there and must not just repeat the site.
	const pagePart = facts.title.split(' | ')[0].trim();
	if (facts.title === '')
		problems.push('<title> is empty');
	else if (pagePart === '' || pagePart === facts.brand || facts.title === facts.brand)
		problems.push(`<title> "${facts.title}" names only the site, not the page`);
	else if (!isHome && facts.h1s.length === 1) {
		const h1 = facts.h1s[0].text;
		if (!h1.includes(pagePart) && !pagePart.includes(h1))
			problems.push(`<title> "${facts.title}" does not name the page its <h1> names ("${h1}")`);
	}
	for (const c of facts.controls)
		if (c.name === '')
			problems.push(`form control ${c.what} has no label`);
	return problems;
}

/**
 * Walk the page with the Tab key from the top: the first stop is the skip link, and every stop is
 * :focus-visible with an outline (or box-shadow) that is not 'none'. Returns {problems, stops}.
 */
export async function focusProblems(page, maxStops = 40) {
	const problems = [];
	const stops = [];
	// Start from the top of the document, as a person who just opened the page.
	await page.evaluate(() => {
		if (document.activeElement && document.activeElement !== document.body)
			document.activeElement.blur();
		window.scrollTo(0, 0);
	});
	let first = null;
	for (let i = 0; i < maxStops; i++) {
		await page.keyboard.press('Tab');
		const s = await page.evaluate(() => {
			const el = document.activeElement;
			if (!el || el === document.body)
				return null;
			const cs = getComputedStyle(el);
			const r = el.getBoundingClientRect();
			const id = el.localName + (el.id ? '#' + el.id : '') + (el.className ? '.' + String(el.className).trim().replace(/\s+/g, '.') : '') +
				(el.getAttribute('href') ? `[href="${el.getAttribute('href')}"]` : '') + (el.name ? `[name="${el.name}"]` : '');
			return {
				id,
				cls: String(el.className),
				// Chromium puts the focus inside a date or time input's own fields, so the input itself never
				// matches :focus-visible (nor, on its last field, :focus); for those two types :focus-within (with the
				// outline checked below) stands in.
				visible: el.matches(':focus-visible') || (el.matches('input[type="date"], input[type="time"]') && el.matches(':focus-within')),
				outline: `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}`,
				hasOutline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0,
				hasShadow: cs.boxShadow && cs.boxShadow !== 'none',
				onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight + scrollY && r.left < innerWidth,
			};
		});
		if (s === null || s.id === first)
			break; // off the end of the document, or round again
		if (first === null)
			first = s.id;
		stops.push(s.id);
		if (!s.visible)
			problems.push(`${s.id}: focused by Tab but does not match :focus-visible`);
		else if (!s.hasOutline && !s.hasShadow)
			problems.push(`${s.id}: no visible focus style (outline: ${s.outline}, box-shadow: none)`);
		if (!s.onScreen)
			problems.push(`${s.id}: focused but not on screen`);
	}
	if (stops.length === 0)
		problems.push('Tab focuses nothing');
	else if (!/\bskip\b/.test(stops[0]))
		problems.push(`the first Tab stop is ${stops[0]}, not the skip link`);
	return { problems, stops };
}

/**
 * At the page's current viewport: no word in a table cell is cut across two lines. A table squeezed
 * until its words break (a year as "200/7", a name one syllable a line) should have scrolled inside
 * its .table-wrap instead. Words are split at spaces, after '-' and '/' and before '(', where a line may
 * end anyway, and on both sides of a middle dot ('·' U+00B7, '・' U+30FB), a list separator in Korean that
 * chromium breaks before or after at any width (no CSS property prevents it), so it is no sign of a squeeze.
 * Nor is a word wider than a phone card's whole line (the cell shown as a block): it breaks at any layout.
 */
export async function brokenWordProblems(page) {
	const broken = await page.evaluate(() => {
		const out = [];
		for (const cell of document.querySelectorAll('th, td')) {
			const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				for (const m of node.data.matchAll(/\(?[^\s\-/(\u00b7\u30fb]+[-/]*/g)) {
					const range = document.createRange();
					range.setStart(node, m.index);
					range.setEnd(node, m.index + m[0].length);
					const rects = [...range.getClientRects()].filter((r) => r.width > 0);
					const tops = new Set(rects.map((r) => Math.round(r.top / 4)));
					// In a phone's card (the cell a block line of its row's box, at least 12em wide: a card of
					// a phone's width, not a squeezed box) a word wider than the whole line (a long address, a
					// pasted string) must break somewhere: that is no squeeze.
					const cs = getComputedStyle(cell);
					const room = cell.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
					const wide = cs.display === 'block' && room >= 12 * parseFloat(cs.fontSize) && rects.reduce((w, r) => w + r.width, 0) > room - 1;
					if (tops.size > 1 && !wide)
						out.push(`"${m[0]}" in <${cell.localName}> "${cell.textContent.replace(/\s+/g, ' ').trim().slice(0, 40)}"`);
				}
			}
			if (out.length >= 6)
				break;
		}
		return out;
	});
	return broken.length ? [`words cut across lines in table cells (the table should scroll in its .table-wrap instead): ${broken.join('; ')}`] : [];
}

/**
 * Every table with column names (a <thead> of two or more) becomes cards on a phone (static/*.css): each
 * body cell is a line "label value", the label from its data-label. A cell without one shows its value
 * with no name, and the column names above the cards as one line: say which tables have such cells.
 * A cell spanning every column (a "no rows" line) needs none.
 */
export async function cardLabelProblems(page) {
	const bad = await page.evaluate(() => {
		const out = [];
		for (const t of document.querySelectorAll('table')) {
			const cols = t.tHead ? t.tHead.querySelectorAll('th').length : 0;
			if (cols < 2)
				continue;
			const missing = [];
			for (const body of t.tBodies)
				for (const row of body.rows)
					for (const cell of row.cells)
						if (!(cell.getAttribute('data-label') || '').trim() && cell.colSpan < cols)
							missing.push(`<${cell.localName}> "${cell.textContent.replace(/\s+/g, ' ').trim().slice(0, 30)}"`);
			if (missing.length) {
				const name = `table${t.className ? '.' + String(t.className).trim().replace(/\s+/g, '.') : ''}` +
				    (t.caption ? ` "${t.caption.textContent.trim().slice(0, 40)}"` : '');
				out.push(`${name}: ${missing.length} body cells without data-label, e.g. ${missing.slice(0, 3).join(', ')}`);
			}
		}
		return out;
	});
	return bad.length ? [`tables that are no readable cards at phone width (cells without data-label): ${bad.join('; ')}`] : [];
}

/**
 * At the page's current viewport: no sideways scroll of the page; say which elements stick out. With
 * phone: true (375 px) no box inside the page scrolls sideways either: a table there is read as stacked
 * cards, never through a .table-wrap that hides columns behind a scroll.
 */
export async function overflowProblems(page, { phone = false } = {}) {
	const r = await page.evaluate((phone) => {
		const sw = document.scrollingElement.scrollWidth;
		const out = [];
		if (sw > innerWidth) {
			// Elements reaching past the right edge that no scrolling box of theirs contains.
			for (const el of document.body.querySelectorAll('*')) {
				const b = el.getBoundingClientRect();
				if (b.right <= innerWidth + 0.5)
					continue;
				let p = el.parentElement, clipped = false;
				for (; p && p !== document.body; p = p.parentElement) {
					if (getComputedStyle(p).overflowX !== 'visible') { clipped = true; break; }
				}
				if (!clipped)
					out.push(`${el.localName}${el.className ? '.' + String(el.className).trim().replace(/\s+/g, '.') : ''} (right edge ${Math.round(b.right)} px)`);
				if (out.length >= 5)
					break;
			}
		}
		// A table wider than its box must scroll inside its .table-wrap (on a phone: must not be wider at all).
		const tables = [];
		for (const t of document.querySelectorAll('table')) {
			const parent = t.parentElement;
			const name = `table${t.className ? '.' + String(t.className).trim().replace(/\s+/g, '.') : ''}`;
			if (t.getBoundingClientRect().width > parent.clientWidth + 0.5 && (phone || !t.closest('.table-wrap')))
				tables.push(phone ? `${name} is ${Math.round(t.getBoundingClientRect().width)} px wide in a ${parent.clientWidth} px box: ` +
				    'columns hidden behind a sideways scroll' : `${name} is wider than its box and not inside .table-wrap`);
		}
		if (phone)
			for (const el of document.body.querySelectorAll('*')) {
				const ox = getComputedStyle(el).overflowX;
				if ((ox === 'auto' || ox === 'scroll') && el.scrollWidth > el.clientWidth + 1 && !el.querySelector('table'))
					tables.push(`${el.localName}${el.className ? '.' + String(el.className).trim().replace(/\s+/g, '.') : ''} scrolls sideways (${el.scrollWidth} > ${el.clientWidth} px)`);
			}
		return { sw, iw: innerWidth, out, tables };
	}, phone);
	const problems = [...r.tables];
	if (r.sw > r.iw)
		problems.push(`the page scrolls sideways: scrollWidth ${r.sw} > innerWidth ${r.iw}; sticking out: ${r.out.join(', ') || '(none found)'}`);
	return problems;
}
