<?cs # news_article.cs - one article: its facts, the body (HTML from cmark in safe mode), attachments, the
source of a seed article, and the previous and next article in the list the reader came from. ?>
<?cs set:Page.Title = Article.title ?><?cs set:Page.TitleKo = 1 ?><?cs set:Page.Nav = "news" ?>
<?cs if:Filter.qs ?><?cs set:Page.Qs = "?" + Filter.qs ?><?cs /if ?>
<?cs include:"header.cs" ?>
<p class="crumbs"><a href="/news<?cs var:Page.Qs ?>"><?cs var:L.news.back ?></a></p>
<article class="news-article">
<h1><?cs call:ko(Article.title) ?><?cs if:Article.is_demo == 1 ?> <span class="badge demo" title="<?cs var:L.news.demo_note ?>"><?cs var:L.demo ?></span><?cs /if ?></h1>
<?cs if:Article.deleted == 1 ?><p class="notice warn" role="status"><?cs var:L.news.deleted_note ?></p>
<?cs elif:Article.state == "draft" ?><p class="notice warn" role="status"><?cs var:L.news.draft_note ?></p><?cs /if ?>
<dl class="facts news-facts">
<dt><?cs var:L.news.category ?></dt><dd><a href="/news?category=<?cs var:url_escape(Article.category) ?>"><?cs call:loc(Article.category_name, Article.category_name_en) ?></a></dd>
<dt><?cs var:L.news.publisher ?></dt><dd><?cs if:Article.tp_slug ?><a href="/members/<?cs var:url_escape(Article.tp_slug) ?>"><?cs call:loc(Article.tp_name, Article.tp_name_en) ?></a><?cs else ?><a href="/about"><?cs var:L.news.association ?></a><?cs /if ?></dd>
<?cs if:Article.published ?><dt><?cs var:L.news.published ?></dt><dd><time datetime="<?cs var:Article.published_iso ?>"><?cs var:Article.published ?></time></dd><?cs /if ?>
<?cs if:Article.was_updated == 1 ?><dt><?cs var:L.news.updated ?></dt><dd><time datetime="<?cs var:Article.updated_iso ?>"><?cs var:Article.updated ?></time></dd><?cs /if ?>
<?cs if:Article.author ?><dt><?cs var:L.news.author ?></dt><dd><?cs call:ko(Article.author) ?></dd><?cs /if ?>
<?cs if:Article.pinned == 1 ?><dt><?cs var:L.news.pinned_until ?></dt><dd><?cs var:Article.pinned_until ?></dd><?cs /if ?>
</dl>
<div class="article-body"<?cs call:ko_lang() ?>>
<?cs # Raw output: Article.body_html is the article's Markdown rendered by cmark in
safe mode when it was saved (src/markdown.c: raw HTML removed, links only to http, https, mailto or
relative URLs, control characters dropped). The only other uvar: are the minutes (meeting.cs,
admin_minutes.cs), HTML cmark made the same way; nothing else may ever be printed with uvar:. ?>
<?cs uvar:Article.body_html ?>
</div>
<?cs if:Article.source_outlet ?><p class="source"><?cs var:L.news.source ?>: <?cs call:ko(Article.source_outlet) ?>, 「<?cs call:ko(Article.source_title) ?>」<?cs if:Article.source_date ?>, <?cs var:Article.source_date ?><?cs /if ?></p><?cs /if ?>
<?cs if:subcount(Files) ?>
<section aria-labelledby="files-h">
<h2 id="files-h"><?cs var:L.news.files ?></h2>
<ul class="files">
<?cs each:f = Files ?><li><a href="/files/<?cs var:f.id ?>"><?cs call:ko(f.filename) ?></a> <span class="meta">(<?cs var:f.label ?>, <?cs var:f.size ?>)</span></li>
<?cs /each ?></ul>
</section>
<?cs /if ?>
</article>
<?cs if:subcount(Older) || subcount(Newer) ?>
<nav class="prevnext" aria-label="<?cs var:L.news.prevnext ?>">
<ul>
<?cs each:n = Newer ?><li><span class="label"><?cs var:L.news.newer_article ?></span> <a href="/news/<?cs var:n.id ?><?cs var:Page.Qs ?>"><?cs call:ko(n.title) ?></a></li>
<?cs /each ?><?cs each:o = Older ?><li><span class="label"><?cs var:L.news.older_article ?></span> <a href="/news/<?cs var:o.id ?><?cs var:Page.Qs ?>"><?cs call:ko(o.title) ?></a></li>
<?cs /each ?></ul>
</nav>
<?cs /if ?>
<?cs if:Page.CanEdit ?><p><a href="/admin/news/<?cs var:Article.id ?>"><?cs var:L.news.edit ?></a></p><?cs /if ?>
<?cs include:"footer.cs" ?>
