<?cs # news.cs - the news list: filters (a plain GET form), pinned notices on top of the first page, then
keyset pages of 20 (older/newer links carry the last/first id shown), and the list's Atom feed. ?>
<?cs set:Page.Heading = L.news.title ?>
<?cs each:c = Categories ?><?cs if:c.selected ?><?cs set:Page.Heading = Page.Heading + ": " + c.name_ko ?><?cs /if ?><?cs /each ?>
<?cs if:Filter.association ?><?cs set:Page.Heading = Page.Heading + " (" + L.news.association + ")" ?><?cs /if ?>
<?cs each:p = Publishers ?><?cs if:p.selected ?><?cs set:Page.Heading = Page.Heading + " (" + p.name_ko + ")" ?><?cs /if ?><?cs /each ?>
<?cs set:Page.Title = Page.Heading ?><?cs if:!Page.First ?><?cs set:Page.Title = Page.Heading + " - " + L.news.later_page ?><?cs /if ?>
<?cs set:Page.Nav = "news" ?>
<?cs if:Filter.qs ?><?cs set:Page.Feed = "/news.atom?" + Filter.qs ?><?cs set:Page.Amp = "&" + Filter.qs ?><?cs set:Page.Qs = "?" + Filter.qs ?><?cs else ?><?cs set:Page.Feed = "/news.atom" ?><?cs /if ?>
<?cs set:Page.FeedTitle = Page.Heading + " " + L.news.feed ?>
<?cs include:"header.cs" ?>
<?cs include:"news_item.cs" ?>
<h1><?cs var:Page.Heading ?></h1>
<form class="filters" method="get" action="/news" aria-label="<?cs var:L.news.filter ?>">
<div class="field">
<label for="f-category"><?cs var:L.news.category ?></label>
<select id="f-category" name="category">
<option value=""><?cs var:L.all ?></option>
<?cs each:c = Categories ?><option value="<?cs var:c.slug ?>"<?cs if:c.selected ?> selected<?cs /if ?>><?cs var:c.name_ko ?></option>
<?cs /each ?></select>
</div>
<div class="field">
<label for="f-tp"><?cs var:L.news.publisher ?></label>
<select id="f-tp" name="tp">
<option value=""><?cs var:L.all ?></option>
<option value="association"<?cs if:Filter.association ?> selected<?cs /if ?>><?cs var:L.news.association ?></option>
<?cs each:p = Publishers ?><option value="<?cs var:p.slug ?>"<?cs if:p.selected ?> selected<?cs /if ?>><?cs var:p.name_ko ?></option>
<?cs /each ?></select>
</div>
<div class="field actions">
<button type="submit"><?cs var:L.apply ?></button>
<?cs if:Filter.qs ?><a href="/news"><?cs var:L.news.reset ?></a><?cs /if ?>
</div>
</form>
<p class="feed-link"><a href="<?cs var:Page.Feed ?>" type="application/atom+xml"><?cs var:L.news.feed_link ?></a></p>

<?cs if:subcount(Pinned) ?>
<section aria-labelledby="pinned-h" class="pinned">
<h2 id="pinned-h"><?cs var:L.news.pinned ?></h2>
<ul class="news-list">
<?cs each:a = Pinned ?><?cs call:news_item(a, Page.Qs) ?>
<?cs /each ?></ul>
</section>
<?cs /if ?>

<section aria-labelledby="list-h">
<h2 id="list-h"><?cs if:Page.First ?><?cs var:L.news.latest ?><?cs else ?><?cs var:L.news.list ?><?cs /if ?></h2>
<?cs if:Page.Count == 0 ?>
<p><?cs var:L.news.empty ?></p>
<?cs else ?>
<ul class="news-list" id="articles">
<?cs each:a = Articles ?><?cs call:news_item(a, Page.Qs) ?>
<?cs /each ?></ul>
<?cs /if ?>
</section>
<?cs if:Page.Newer || Page.Older || !Page.First ?>
<nav class="pager" aria-label="<?cs var:L.news.pages ?>">
<ul>
<?cs if:Page.Newer ?><li><a rel="prev" href="/news?after=<?cs var:Page.Newer ?><?cs var:Page.Amp ?>"><?cs var:L.news.newer ?></a></li>
<?cs elif:!Page.First ?><li><a href="/news<?cs var:Page.Qs ?>"><?cs var:L.news.newest ?></a></li><?cs /if ?>
<?cs if:Page.Older ?><li><a rel="next" href="/news?before=<?cs var:Page.Older ?><?cs var:Page.Amp ?>"><?cs var:L.news.older ?></a></li><?cs /if ?>
</ul>
</nav>
<?cs /if ?>
<?cs include:"footer.cs" ?>
