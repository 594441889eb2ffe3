<?cs # news.cs - the news board: filters (a plain GET form), a table (번호, 제목, 작성 기관, 날짜) with the pinned
notices on top of the first page, numbered pages of 20 and keyset pages beyond them (older/newer links carry
the last/first id shown), and the list's Atom feed. ?>
<?cs set:Page.Heading = L.news.title ?>
<?cs each:c = Categories ?><?cs if:c.selected ?><?cs if:Page.Lang != "ko" && c.name_en ?><?cs set:Page.Heading = Page.Heading + ": " + c.name_en ?><?cs else ?><?cs set:Page.Heading = Page.Heading + ": " + c.name_ko ?><?cs /if ?><?cs /if ?><?cs /each ?>
<?cs if:Filter.association ?><?cs set:Page.Heading = Page.Heading + " (" + L.news.association + ")" ?><?cs /if ?>
<?cs each:p = Publishers ?><?cs if:p.selected ?><?cs if:Page.Lang != "ko" && p.name_en ?><?cs set:Page.Heading = Page.Heading + " (" + p.name_en + ")" ?><?cs else ?><?cs set:Page.Heading = Page.Heading + " (" + p.name_ko + ")" ?><?cs /if ?><?cs /if ?><?cs /each ?>
<?cs set:Page.Title = Page.Heading ?><?cs if:!Page.First ?><?cs set:Page.Title = Page.Heading + " - " + L.news.later_page ?><?cs /if ?>
<?cs set:Page.Nav = "news" ?>
<?cs if:Filter.qs ?><?cs set:Page.Feed = "/news.atom?" + Filter.qs ?><?cs set:Page.Amp = "&" + Filter.qs ?><?cs set:Page.Qs = "?" + Filter.qs ?><?cs else ?><?cs set:Page.Feed = "/news.atom" ?><?cs /if ?>
<?cs set:Page.FeedTitle = Page.Heading + " " + L.news.feed ?>
<?cs include:"header.cs" ?>
<h1><?cs var:Page.Heading ?></h1>
<form class="filters" method="get" action="/news" aria-label="<?cs var:L.news.filter ?>">
<div class="field">
<label for="f-category"><?cs var:L.news.category ?></label>
<select id="f-category" name="category">
<option value=""><?cs var:L.all ?></option>
<?cs each:c = Categories ?><option value="<?cs var:c.slug ?>"<?cs if:c.selected ?> selected<?cs /if ?><?cs call:loc_lang(c.name_en) ?>><?cs call:loc_text(c.name_ko, c.name_en) ?></option>
<?cs /each ?></select>
</div>
<div class="field">
<label for="f-tp"><?cs var:L.news.publisher ?></label>
<select id="f-tp" name="tp">
<option value=""><?cs var:L.all ?></option>
<option value="association"<?cs if:Filter.association ?> selected<?cs /if ?>><?cs var:L.news.association ?></option>
<?cs each:p = Publishers ?><option value="<?cs var:p.slug ?>"<?cs if:p.selected ?> selected<?cs /if ?><?cs call:loc_lang(p.name_en) ?>><?cs call:loc_text(p.name_ko, p.name_en) ?></option>
<?cs /each ?></select>
</div>
<div class="field actions">
<button type="submit"><?cs var:L.apply ?></button>
<?cs if:Filter.qs ?><a href="/news"><?cs var:L.news.reset ?></a><?cs /if ?>
</div>
</form>
<p class="feed-link"><a href="<?cs var:Page.Feed ?>" type="application/atom+xml"><?cs var:L.news.feed_link ?></a></p>

<?cs # One row of the board: 번호 (counting down from the total the filter lists, the newest first: a.num,
src/pages/page_news.c; 공지 for a pinned notice on top),
제목 with its category and marks (attachments, demo), 작성 기관, 날짜. data-label names the column for the
stacked cards at phone width (site.css). ?>
<?cs def:board_row(a, qs, top) ?><tr<?cs if:top ?> class="pinned-row"<?cs /if ?>>
<td class="num" data-label="<?cs var:L.news.col_num ?>"><?cs if:top ?><span class="badge pin"><?cs var:L.news.pinned_badge ?></span><?cs else ?><?cs var:a.num ?><?cs /if ?></td>
<td class="subject" data-label="<?cs var:L.news.col_title ?>"><span class="cat">[<?cs call:loc(a.category_name, a.category_name_en) ?>]</span> <a class="news-title" href="/news/<?cs var:a.id ?><?cs var:qs ?>"><?cs call:ko(a.title) ?></a><?cs if:a.pinned == 1 && !top ?> <span class="badge pin"><?cs var:L.news.pinned_badge ?></span><?cs /if ?><?cs if:a.files > 0 ?> <span class="badge file" title="<?cs var:L.news.files_mark_title ?> <?cs var:a.files ?>"><?cs var:L.news.files_mark ?> <?cs var:a.files ?></span><?cs /if ?><?cs if:a.is_demo == 1 ?> <span class="badge demo" title="<?cs var:L.news.demo_note ?>"><?cs var:L.demo ?></span><?cs /if ?></td>
<td class="publisher" data-label="<?cs var:L.news.col_publisher ?>"><?cs if:a.tp_name ?><?cs call:loc(a.tp_name, a.tp_name_en) ?><?cs else ?><?cs var:L.news.association ?><?cs /if ?></td>
<td class="date" data-label="<?cs var:L.news.col_date ?>"><time datetime="<?cs var:a.date ?>"><?cs var:a.date ?></time></td>
</tr><?cs /def ?>
<section aria-labelledby="list-h">
<h2 id="list-h"><?cs if:Page.First ?><?cs var:L.news.latest ?><?cs else ?><?cs var:L.news.list ?><?cs /if ?><?cs if:Pager.page > 1 ?> (<?cs var:L.news.page_pre ?><?cs var:Pager.page ?><?cs var:L.news.page_unit ?>)<?cs /if ?></h2>
<?cs if:Page.Count == 0 && !subcount(Pinned) ?>
<p><?cs var:L.news.empty ?></p>
<?cs else ?>
<table class="board cards">
<caption class="vh"><?cs var:Page.Heading ?></caption>
<thead><tr><th scope="col" class="num"><?cs var:L.news.col_num ?></th><th scope="col"><?cs var:L.news.col_title ?></th><th scope="col"><?cs var:L.news.col_publisher ?></th><th scope="col" class="date"><?cs var:L.news.col_date ?></th></tr></thead>
<?cs if:subcount(Pinned) ?><tbody class="pinned" aria-label="<?cs var:L.news.pinned ?>">
<?cs each:a = Pinned ?><?cs call:board_row(a, Page.Qs, 1) ?>
<?cs /each ?></tbody><?cs /if ?>
<tbody id="articles">
<?cs each:a = Articles ?><?cs call:board_row(a, Page.Qs, 0) ?>
<?cs /each ?></tbody>
</table>
<?cs /if ?>
</section>
<?cs # The pager: 이전, the numbered pages 1..Pager.pages (… when there are more, reached page by page with
the keyset links), 다음. Numbered pages link ?page=N; past the last numbered page, before=/after= cursors. ?>
<?cs def:news_page_url(n) ?>/news<?cs if:n > 1 ?>?page=<?cs var:n ?><?cs var:Page.Amp ?><?cs else ?><?cs var:Page.Qs ?><?cs /if ?><?cs /def ?>
<?cs if:?Refused.page || Pager.pages > 1 || Page.Newer || Page.Older ?>
<nav class="pager" aria-label="<?cs var:L.news.pages ?>">
<?cs if:?Refused.page ?><p class="field-error" role="alert"><?cs var:L.news.bad_page ?> <q><?cs var:Refused.page ?></q>: <?cs var:L.news.bad_page_why ?> (1–<?cs var:Pager.pages ?>)</p><?cs /if ?>
<?cs if:Pager.prev ?><a rel="prev" href="<?cs call:news_page_url(Pager.prev) ?>"><?cs var:L.prev ?></a>
<?cs elif:Page.Newer ?><a rel="prev" href="/news?after=<?cs var:Page.Newer ?>&amp;n=<?cs var:Page.NumNewer ?><?cs var:Page.Amp ?>"><?cs var:L.prev ?></a><?cs /if ?>
<?cs if:Pager.pages > 1 ?><ul class="pages">
<?cs loop:k = 1, Pager.pages, 1 ?><li><a href="<?cs call:news_page_url(k) ?>"<?cs if:k == Pager.page ?> aria-current="page"<?cs /if ?>><?cs var:k ?></a></li>
<?cs /loop ?><?cs if:Pager.more ?><li><span aria-hidden="true">…</span></li><?cs /if ?></ul><?cs /if ?>
<?cs if:Pager.next ?><a rel="next" href="<?cs call:news_page_url(Pager.next) ?>"><?cs var:L.next ?></a>
<?cs elif:Page.Older ?><a rel="next" href="/news?before=<?cs var:Page.Older ?>&amp;n=<?cs var:Page.NumOlder ?><?cs var:Page.Amp ?>"><?cs var:L.next ?></a><?cs /if ?>
</nav>
<?cs /if ?>
<?cs include:"footer.cs" ?>
