// broken.mjs - a deliberately broken copy of a real page, for the self-test that proves each gate
// still reports what it exists to report.

/**
 * Break html (a real page) in known ways; returns {html, faults}. faults names each change so a
 * failing self-test says which one went unnoticed.
 */
export function breakPage(html) {
	const faults = [];
	const edit = (name, re, to) => {
		const next = html.replace(re, to);
		if (next === html)
			throw new Error(`self-test: could not apply "${name}" to the page (did the page change shape?)`);
		html = next;
		faults.push(name);
	};
	edit('no lang on <html>', /<html lang="ko">/, '<html>');
	edit('title names only the site', /<title>[^<]*\|\s*([^<]*)<\/title>/, '<title>$1</title>');
	edit('h1 removed', /<h1>[\s\S]*?<\/h1>/, '');
	edit('img without alt, duplicate id, unlabelled input, focus style removed, too wide for a phone, a squeezed table, a table without card labels', /<\/main>/,
		'<img src="/static/favicon.svg" width="16" height="16">' +
		'<p id="main">same id as main</p>' +
		'<p><input type="text" name="unlabelled"></p>' +
		'<div style="width: 900px">a box wider than a phone</div>' +
		'<div style="width: 4rem"><table><tr><td style="overflow-wrap: anywhere">20071231</td></tr></table></div>' +
		'<table><thead><tr><th scope="col">이름</th><th scope="col">전화</th></tr></thead>' +
		'<tbody><tr><th scope="row">시험</th><td>041-000-0000</td></tr></tbody></table>' +
		'<style>*:focus-visible, header.site :focus-visible { outline: none !important; }</style>' +
		'</main>');
	return { html, faults };
}
