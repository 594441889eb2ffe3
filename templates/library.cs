<?cs # library.cs - the publications library (자료실): filters (kind, publisher, year; a plain GET form), a
board-style table (제목 with kind and marks, 발행 기관, 연도, 등록일) whose cells carry data-label so that rows are
stacked cards at phone width (site.css), keyset pages (older/newer links carry the last/first id shown),
and the list's Atom feed. ?>
<?cs set:Page.Heading = L.library.title ?>
<?cs each:k = Kinds ?><?cs if:k.selected ?><?cs if:Page.Lang != "ko" && k.name_en ?><?cs set:Page.Heading = Page.Heading + ": " + k.name_en ?><?cs else ?><?cs set:Page.Heading = Page.Heading + ": " + k.name_ko ?><?cs /if ?><?cs /if ?><?cs /each ?>
<?cs if:Filter.association ?><?cs set:Page.Heading = Page.Heading + " (" + L.news.association + ")" ?><?cs /if ?>
<?cs each:p = Publishers ?><?cs if:p.selected ?><?cs if:Page.Lang != "ko" && p.name_en ?><?cs set:Page.Heading = Page.Heading + " (" + p.name_en + ")" ?><?cs else ?><?cs set:Page.Heading = Page.Heading + " (" + p.name_ko + ")" ?><?cs /if ?><?cs /if ?><?cs /each ?>
<?cs if:Filter.year ?><?cs set:Page.Heading = Page.Heading + " " + Filter.year + L.library.year_unit ?><?cs /if ?>
<?cs set:Page.Title = Page.Heading ?><?cs if:!Page.First ?><?cs set:Page.Title = Page.Heading + " - " + L.news.later_page ?><?cs /if ?>
<?cs set:Page.Nav = "library" ?>
<?cs if:Filter.qs ?><?cs set:Page.Feed = "/library.atom?" + Filter.qs ?><?cs set:Page.Amp = "&" + Filter.qs ?><?cs else ?><?cs set:Page.Feed = "/library.atom" ?><?cs /if ?>
<?cs set:Page.FeedTitle = Page.Heading + " " + L.news.feed ?>
<?cs include:"header.cs" ?>
<h1><?cs var:Page.Heading ?></h1>
<p class="intro"><?cs var:L.library.intro ?></p>
<form class="filters" method="get" action="/library" aria-label="<?cs var:L.library.filter ?>">
<div class="field">
<label for="f-kind"><?cs var:L.library.kind ?></label>
<select id="f-kind" name="kind">
<option value=""><?cs var:L.all ?></option>
<?cs each:k = Kinds ?><option value="<?cs var:k.slug ?>"<?cs if:k.selected ?> selected<?cs /if ?><?cs call:loc_lang(k.name_en) ?>><?cs call:loc_text(k.name_ko, k.name_en) ?></option>
<?cs /each ?></select>
</div>
<div class="field">
<label for="f-tp"><?cs var:L.library.publisher ?></label>
<select id="f-tp" name="tp">
<option value=""><?cs var:L.all ?></option>
<option value="association"<?cs if:Filter.association ?> selected<?cs /if ?>><?cs var:L.news.association ?></option>
<?cs each:p = Publishers ?><option value="<?cs var:p.slug ?>"<?cs if:p.selected ?> selected<?cs /if ?><?cs call:loc_lang(p.name_en) ?>><?cs call:loc_text(p.name_ko, p.name_en) ?></option>
<?cs /each ?></select>
</div>
<div class="field">
<label for="f-year"><?cs var:L.library.year ?></label>
<select id="f-year" name="year">
<option value=""><?cs var:L.all ?></option>
<?cs each:y = Years ?><option value="<?cs var:y.year ?>"<?cs if:y.selected ?> selected<?cs /if ?>><?cs var:y.year ?></option>
<?cs /each ?></select>
</div>
<div class="field actions">
<button type="submit"><?cs var:L.apply ?></button>
<?cs if:Filter.qs ?><a href="/library"><?cs var:L.news.reset ?></a><?cs /if ?>
</div>
</form>
<p class="feed-link"><a href="<?cs var:Page.Feed ?>" type="application/atom+xml"><?cs var:L.library.feed_link ?></a><?cs if:Page.CanAdd ?> · <a href="/admin/library/new"><?cs var:L.library.add ?></a><?cs /if ?></p>
<section aria-labelledby="list-h">
<h2 id="list-h"><?cs var:L.library.list ?> <span class="count">(<?cs var:Page.Total ?><?cs var:L.library.count_unit ?>)</span></h2>
<?cs if:Page.Count == 0 ?>
<p><?cs var:L.library.empty ?></p>
<?cs else ?>
<table class="board cards library">
<caption class="vh"><?cs var:Page.Heading ?></caption>
<thead><tr><th scope="col"><?cs var:L.library.col_title ?></th><th scope="col"><?cs var:L.library.col_publisher ?></th><th scope="col" class="num"><?cs var:L.library.col_year ?></th><th scope="col" class="date"><?cs var:L.library.col_date ?></th></tr></thead>
<tbody id="documents">
<?cs each:d = Documents ?><tr>
<td class="subject" data-label="<?cs var:L.library.col_title ?>"><span class="cat">[<?cs call:loc(d.kind_name, d.kind_name_en) ?>]</span> <a class="doc-title" href="/library/<?cs var:d.id ?>"><?cs call:ko(d.title) ?></a><?cs if:d.files > 0 ?> <span class="badge file" title="<?cs var:L.news.files_mark_title ?> <?cs var:d.files ?>"><?cs var:L.news.files_mark ?> <?cs var:d.files ?></span><?cs /if ?><?cs if:d.audience == "signed_in" ?> <span class="badge members" title="<?cs var:L.library.signed_in_note ?>"><?cs var:L.library.signed_in_badge ?></span><?cs /if ?><?cs if:d.is_demo == 1 ?> <span class="badge demo" title="<?cs var:L.demo_note ?>"><?cs var:L.demo ?></span><?cs /if ?></td>
<td class="publisher" data-label="<?cs var:L.library.col_publisher ?>"><?cs if:d.tp_name ?><?cs call:loc(d.tp_name, d.tp_name_en) ?><?cs else ?><?cs var:L.news.association ?><?cs /if ?></td>
<td class="num" data-label="<?cs var:L.library.col_year ?>"><?cs var:d.year ?></td>
<td class="date" data-label="<?cs var:L.library.col_date ?>"><time datetime="<?cs var:d.date ?>"><?cs var:d.date ?></time></td>
</tr>
<?cs /each ?></tbody>
</table>
<?cs /if ?>
</section>
<?cs if:Page.Newer || Page.Older ?>
<nav class="pager" aria-label="<?cs var:L.news.pages ?>">
<?cs if:Page.Newer ?><a rel="prev" href="/library?after=<?cs var:Page.Newer ?><?cs var:Page.Amp ?>"><?cs var:L.prev ?></a><?cs /if ?>
<?cs if:Page.Older ?><a rel="next" href="/library?before=<?cs var:Page.Older ?><?cs var:Page.Amp ?>"><?cs var:L.next ?></a><?cs /if ?>
</nav>
<?cs /if ?>
<?cs include:"footer.cs" ?>
