// news.test.mjs - news and notices (issue 5) in a real browser, the way people use them. The "done" test of
// the issue: a member admin signs in, writes a notice with a PDF attachment (a Korean file name) through
// the admin form, publishes it; a reader who is not signed in finds it on /news through the navigation, on
// the technopark's profile and in the Atom feed, opens it and downloads the attachment, which arrives with
// its original name and bytes. axe and the page checks run on the form and on the pages that only this
// flow reaches; the article is deleted again at the end (soft delete, as the member admin may).
//
// package.json runs only suite.test.mjs; it imports this file. Alone: node --test news.test.mjs, with the
// suite's environment (TP_BASE_URL, STACK_DIR or TP_LOGINS).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';

import { account, follow, newPage, open, signIn, squash, uiText } from './lib/accounts.mjs';
import { releaseBrowser, useBrowser } from './lib/browser.mjs';
import { axeViolations, documentProblems } from './lib/checks.mjs';
import { BASE_URL, fetchRetry } from './lib/config.mjs';

const MEMBER_ADMIN = 'chungnam-admin';
const TP = { slug: 'chungnam', name: '충남테크노파크' }; // chungnam-admin's technopark (tools/lib/demo.sh)
const FILE_NAME = '2026년 지원사업 공고문 (최종).pdf';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

let browser;
let articleUrl = null; // /news/ID of the notice the flow posted
let editUrl = null; // /admin/news/ID

async function noProblems(page, name) {
	const problems = [
		...(await axeViolations(page)).map((v) => `axe: ${v.text}`),
		...await documentProblems(page),
	];
	assert.equal(problems.length, 0, `${name} (${page.url()}):\n  - ${problems.join('\n  - ')}`);
}

before(async () => {
	browser = await useBrowser();
});

after(async () => {
	// Take the notice away again (soft delete, as its own admin may), so a second run starts alike.
	if (editUrl) {
		const page = await newPage(browser);
		try {
			await signIn(page, account(MEMBER_ADMIN));
			await open(page, editUrl);
			await follow(page, page.getByRole('button', { name: uiText('news_admin.delete'), exact: true }));
		} catch (e) {
			console.log(`news.test.mjs: could not delete ${editUrl}: ${e.message}`);
		} finally {
			await page.context().close();
		}
	}
	await releaseBrowser();
});

describe('news and notices', () => {
	const title = `충남 공지: 지원사업 안내 ${Date.now() % 100000}`;

	test('a member admin posts a notice with a PDF attachment', async () => {
		const page = await newPage(browser);
		try {
			await signIn(page, account(MEMBER_ADMIN));
			await open(page, '/admin');
			const adminNav = page.getByRole('navigation', { name: uiText('admin.nav') });
			await follow(page, adminNav.getByRole('link', { name: uiText('news_admin.nav'), exact: true }));
			assert.equal(new URL(page.url()).pathname, '/admin/news');
			await follow(page, page.getByRole('link', { name: uiText('news_admin.new'), exact: true }));
			assert.equal(new URL(page.url()).pathname, '/admin/news/new');
			await noProblems(page, 'the new article form');

			// The publisher is fixed to the admin's own technopark.
			assert.equal(await page.getByLabel(uiText('news_admin.field.publisher')).inputValue(), TP.name);
			await page.getByLabel(uiText('news_admin.field.title')).fill(title);
			await page.getByLabel(uiText('news_admin.field.category')).selectOption('notice');
			await page.getByLabel(uiText('news_admin.state_published')).check();
			await page.getByLabel(uiText('news_admin.field.body')).fill('## 신청 방법\n\n- 첨부한 공고문을 읽고\n- 담당 부서에 신청서를 보내 주세요.');
			await page.getByLabel(uiText('news_admin.field.attachment')).setInputFiles({ name: FILE_NAME, mimeType: 'application/pdf', buffer: PDF });
			await follow(page, page.getByRole('button', { name: uiText('form.save'), exact: true }));

			const m = /^\/admin\/news\/(\d+)$/.exec(new URL(page.url()).pathname);
			assert.ok(m, `after saving: ${page.url()}`);
			editUrl = m[0];
			articleUrl = `/news/${m[1]}`;
			assert.equal(squash(await page.getByRole('status').first().textContent()), uiText('news_admin.done.saved'));
			assert.ok((await page.locator('body').textContent()).includes(FILE_NAME), 'the attachment is listed on the form');
			await noProblems(page, 'the saved article form');
		} finally {
			await page.context().close();
		}
	});

	test('a reader finds it on /news, opens it and downloads the PDF with its name', async () => {
		assert.ok(articleUrl, 'the posting test did not finish');
		const page = await newPage(browser);
		try {
			await open(page, '/');
			await follow(page, page.locator(`header nav a[href="/news"]`));
			assert.equal(await page.locator('header nav a[href="/news"]').getAttribute('aria-current'), 'page');
			const first = page.locator('#articles tr').first();
			assert.equal(squash(await first.locator('a.news-title').textContent()), title, 'the newest article on /news');
			assert.equal(squash(await first.locator('td.publisher').textContent()), TP.name, 'its publisher');
			assert.match(squash(await first.locator('.badge.file').textContent()), /1$/, 'its attachment mark');
			await noProblems(page, '/news with the new notice');

			await follow(page, first.locator('a.news-title'));
			assert.equal(new URL(page.url()).pathname, articleUrl);
			/* posted by a demo account, so the article is demo: its heading carries the 데모 badge (issue 20) */
			assert.equal(squash(await page.locator('h1').textContent()), `${title} ${uiText('demo')}`);
			assert.equal(await page.locator('.article-body h2').textContent(), '신청 방법');
			assert.equal(await page.getByRole('link', { name: TP.name, exact: true }).getAttribute('href'), `/members/${TP.slug}`);
			await noProblems(page, 'the article page');

			const [download] = await Promise.all([
				page.waitForEvent('download'),
				page.getByRole('link', { name: FILE_NAME, exact: true }).click(),
			]);
			assert.equal(download.suggestedFilename(), FILE_NAME, 'the original (Korean) file name');
			assert.deepEqual(readFileSync(await download.path()), PDF, 'the same bytes');
		} finally {
			await page.context().close();
		}
	});

	test("it is on the technopark's profile and in the feeds", async () => {
		assert.ok(articleUrl, 'the posting test did not finish');
		const page = await newPage(browser);
		try {
			await open(page, `/members/${TP.slug}`);
			const section = page.getByRole('region', { name: uiText('news.member_latest') });
			assert.equal(squash(await section.locator('a.news-title').first().textContent()), title);
			assert.equal(await section.locator('a.news-title').first().getAttribute('href'), articleUrl);
		} finally {
			await page.context().close();
		}
		for (const feed of ['/news.atom', `/news.atom?tp=${TP.slug}`, '/news.atom?category=notice']) {
			const res = await fetchRetry(BASE_URL + feed);
			assert.equal(res.status, 200, feed);
			assert.match(res.headers.get('content-type') || '', /^application\/atom\+xml/);
			const xml = await res.text();
			const entry = /<entry>([\s\S]*?)<\/entry>/.exec(xml)?.[1] ?? '';
			assert.ok(entry.includes(`<id>${BASE_URL}${articleUrl}</id>`), `${feed}: the notice is the newest entry`);
		}
	});
});
