// library.test.mjs - the publications library (issue 19) in a real browser, its "Done when": the secretariat
// uploads an annual report (a PDF) through /admin/library, a member admin uploads a brochure for their own
// technopark, a reader signed out filters the library by year and finds both, the search finds a word from
// inside the PDF (extracted by the indexer's pdftotext), the technopark's profile lists its brochure. axe,
// the page checks and the Nu Html Checker find nothing on the new pages at 1280 and 375 px, and nothing
// scrolls sideways on the phone. Both documents are deleted again at the end (soft delete, as their admins may).
//
// package.json runs only suite.test.mjs; it imports this file. Alone: node --test library.test.mjs, with the
// suite's environment (TP_BASE_URL, STACK_DIR or TP_LOGINS).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { DESKTOP, PHONE, account, follow, newPage, open, signIn, squash, uiText } from './lib/accounts.mjs';
import { releaseBrowser, useBrowser } from './lib/browser.mjs';
import { axeViolations, documentProblems, overflowProblems } from './lib/checks.mjs';
import { vnuCheck } from './lib/vnu.mjs';

const SECRETARIAT = 'secretariat';
const MEMBER_ADMIN = 'chungnam-admin';
const TP = { slug: 'chungnam', name: '충남테크노파크' }; // chungnam-admin's technopark (tools/lib/demo.sh)
const YEAR = '2031'; // a year no seed or demo document is of: the filter shows exactly what this flow added
const WORD = `Quasar${Date.now() % 1000000}`; // printed inside the PDF only, never in a title or description

/** A one-page PDF whose text pdftotext extracts (the same builder as tests/integration/library_lib.mjs). */
function pdfWith(words) {
	const stream = `BT /F1 18 Tf 72 720 Td (${words}) Tj ET`;
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
	out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
	out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(out, 'latin1');
}

let browser;
const made = []; // { login, edit: '/admin/library/ID', url: '/library/ID', title }

/** axe, the page checks and vnu, at 1280 and at 375 px (where nothing may scroll sideways). */
async function noProblems(page, name) {
	const problems = [];
	for (const vp of [DESKTOP, PHONE]) {
		await page.setViewportSize(vp);
		problems.push(...(await axeViolations(page)).map((v) => `${vp.width}px axe: ${v.text}`));
		problems.push(...(await documentProblems(page)).map((p) => `${vp.width}px: ${p}`));
		problems.push(...(await overflowProblems(page, { phone: vp === PHONE })).map((p) => `${vp.width}px overflow: ${p}`));
	}
	await page.setViewportSize(DESKTOP);
	const { byName } = await vnuCheck([{ name, text: await page.content(), kind: 'html' }]);
	problems.push(...byName.get(name).errors.map((e) => `vnu: ${e}`));
	assert.equal(problems.length, 0, `${name} (${page.url()}):\n  - ${problems.join('\n  - ')}`);
}

/** Upload a document through the admin form as login; returns { edit, url }. */
async function upload(login, { title, kind, publisher, description, file }) {
	const page = await newPage(browser);
	try {
		await signIn(page, account(login));
		await open(page, '/admin');
		const adminNav = page.getByRole('navigation', { name: uiText('admin.nav') });
		await follow(page, adminNav.getByRole('link', { name: uiText('library_admin.nav'), exact: true }));
		assert.equal(new URL(page.url()).pathname, '/admin/library');
		await follow(page, page.getByRole('link', { name: uiText('library_admin.new'), exact: true }));
		assert.equal(new URL(page.url()).pathname, '/admin/library/new');
		await noProblems(page, `the new document form (${login})`);
		await page.getByLabel(uiText('library_admin.field.title')).fill(title);
		await page.getByLabel(uiText('library_admin.field.kind')).selectOption(kind);
		if (publisher)
			await page.getByLabel(uiText('library_admin.field.publisher')).selectOption(publisher);
		else	/* a member admin's publisher is fixed to their own technopark */
			assert.equal(await page.getByLabel(uiText('library_admin.field.publisher')).inputValue(), TP.name);
		await page.getByLabel(uiText('library_admin.field.year')).fill(YEAR);
		await page.getByLabel(uiText('library_admin.field.description')).fill(description);
		await page.getByLabel(uiText('library_admin.field.attachment')).setInputFiles(file);
		await follow(page, page.getByRole('button', { name: uiText('form.save'), exact: true }));
		const m = /^\/admin\/library\/(\d+)$/.exec(new URL(page.url()).pathname);
		assert.ok(m, `after saving: ${page.url()}`);
		assert.equal(squash(await page.getByRole('status').first().textContent()), uiText('library_admin.done.created'));
		assert.ok((await page.locator('body').textContent()).includes(file.name), 'the file is listed on the form');
		await noProblems(page, `the saved document form (${login})`);
		const doc = { login, edit: m[0], url: `/library/${m[1]}`, title };
		made.push(doc);
		return doc;
	} finally {
		await page.context().close();
	}
}

before(async () => {
	browser = await useBrowser();
});

after(async () => {
	for (const d of made) {
		const page = await newPage(browser);
		try {
			await signIn(page, account(d.login));
			await open(page, d.edit);
			await follow(page, page.getByRole('button', { name: uiText('library_admin.delete'), exact: true }));
		} catch (e) {
			console.log(`library.test.mjs: could not delete ${d.edit}: ${e.message}`);
		} finally {
			await page.context().close();
		}
	}
	await releaseBrowser();
});

describe('the publications library', () => {
	let report = null, brochure = null;

	test('the secretariat uploads an annual report (PDF) for the association', async () => {
		report = await upload(SECRETARIAT, {
			title: `${YEAR} 테크노파크 연차보고서 ${Date.now() % 10000}`, kind: 'annual-report', publisher: 'association',
			description: '전국 테크노파크의 한 해 성과를 모은 보고서입니다.',
			file: { name: `${YEAR} 연차보고서.pdf`, mimeType: 'application/pdf', buffer: pdfWith(`Annual report ${WORD}`) },
		});
	});

	test('a member admin uploads a brochure for their technopark', async () => {
		brochure = await upload(MEMBER_ADMIN, {
			title: `충남테크노파크 브로슈어 ${Date.now() % 10000}`, kind: 'brochure', publisher: null,
			description: '기관 소개 브로슈어입니다.',
			file: { name: 'brochure.pdf', mimeType: 'application/pdf', buffer: pdfWith('Chungnam brochure') },
		});
	});

	test('a reader filters the library by year and finds both', async () => {
		assert.ok(report && brochure, 'the upload tests did not finish');
		const page = await newPage(browser);
		try {
			await open(page, '/');
			await follow(page, page.locator('header nav a[href="/library"]'));
			assert.equal(await page.locator('header nav a[href="/library"]').getAttribute('aria-current'), 'page');
			await page.getByLabel(uiText('library.year'), { exact: true }).selectOption(YEAR);
			await follow(page, page.getByRole('button', { name: uiText('apply'), exact: true }));
			assert.equal(new URL(page.url()).searchParams.get('year'), YEAR);
			const titles = (await page.locator('#documents a.doc-title').allTextContents()).map(squash);
			assert.deepEqual([...titles].sort(), [report.title, brochure.title].sort(), `the ${YEAR} documents`);
			await noProblems(page, `/library?year=${YEAR}`);
			await follow(page, page.getByRole('link', { name: report.title, exact: true }));
			assert.equal(new URL(page.url()).pathname, report.url);
			await noProblems(page, 'the annual report page');
		} finally {
			await page.context().close();
		}
	});

	test('the search finds a word from inside the PDF', async () => {
		assert.ok(report, 'the upload test did not finish');
		const page = await newPage(browser);
		try {
			let found = false;
			/* the indexer extracts the text after the upload's commit: look again for a bounded while */
			for (let i = 0; i < 50 && !found; i++) {
				await open(page, `/search?q=${WORD}&type=library`);
				found = await page.locator(`a[href="${report.url}"]`).count() > 0;
				if (!found)
					await page.waitForTimeout(200);
			}
			assert.ok(found, `the search never found ${WORD}`);
			await noProblems(page, 'the search result');
		} finally {
			await page.context().close();
		}
	});

	test("the technopark's profile lists its brochure", async () => {
		assert.ok(brochure, 'the upload test did not finish');
		const page = await newPage(browser);
		try {
			await open(page, `/members/${TP.slug}`);
			const section = page.getByRole('region', { name: uiText('library.member_latest') });
			assert.equal(await section.getByRole('link', { name: brochure.title, exact: true }).getAttribute('href'), brochure.url);
			await noProblems(page, 'the profile with its brochure');
		} finally {
			await page.context().close();
		}
	});
});
