<?cs # news_item.cs - one article in a list (the news list, its pinned notices, a member profile):
title link (carrying the list's filter, qs: "" or "?category=..&tp=.."), category, publisher, date. ?>
<?cs def:news_item(a, qs) ?><li>
<a class="news-title" href="/news/<?cs var:a.id ?><?cs var:qs ?>"><?cs call:ko(a.title) ?></a>
<?cs if:a.pinned == 1 ?> <span class="badge pin"><?cs var:L.news.pinned_badge ?></span><?cs /if ?>
<?cs if:a.is_demo == 1 ?> <span class="badge demo" title="<?cs var:L.news.demo_note ?>"><?cs var:L.demo ?></span><?cs /if ?>
<span class="meta"><span class="cat"><?cs call:loc(a.category_name, a.category_name_en) ?></span> · <?cs if:a.tp_name ?><?cs call:loc(a.tp_name, a.tp_name_en) ?><?cs else ?><?cs var:L.news.association ?><?cs /if ?> · <time datetime="<?cs var:a.date ?>"><?cs var:a.date ?></time></span>
</li><?cs /def ?>
