<?xml version="1.0" encoding="utf-8"?><?cs # news_atom.cs - an Atom 1.0 feed (RFC 4287) of the newest 20 articles
of the list's filter. Every value is HTML-escaped, which is also XML escaping; the article's HTML goes into
<content type="html"> as escaped text. Ids are the articles' own URLs; dates are RFC 3339 in +09:00. ?>
<?cs if:Filter.qs ?><?cs set:Feed.qs = "?" + Filter.qs ?><?cs /if ?><?cs set:Feed.title = L.news.feed_name ?><?cs
each:c = Categories ?><?cs if:c.selected ?><?cs set:Feed.title = Feed.title + ": " + c.name_ko ?><?cs /if ?><?cs /each ?><?cs
if:Filter.association ?><?cs set:Feed.title = Feed.title + " (" + L.news.association + ")" ?><?cs /if ?><?cs
each:p = Publishers ?><?cs if:p.selected ?><?cs set:Feed.title = Feed.title + " (" + p.name_ko + ")" ?><?cs /if ?><?cs /each ?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ko">
<id><?cs var:Site.BaseUrl ?>/news.atom<?cs var:Feed.qs ?></id>
<title><?cs var:Feed.title ?></title>
<updated><?cs var:Feed.updated ?></updated>
<link rel="self" type="application/atom+xml" href="<?cs var:Site.BaseUrl ?>/news.atom<?cs var:Feed.qs ?>"/>
<link rel="alternate" type="text/html" href="<?cs var:Site.BaseUrl ?>/news<?cs var:Feed.qs ?>"/>
<author><name><?cs if:Site.Name ?><?cs var:Site.Name ?><?cs else ?><?cs var:L.site.name ?><?cs /if ?></name></author>
<?cs each:e = Entries ?><entry>
<id><?cs var:Site.BaseUrl ?>/news/<?cs var:e.id ?></id>
<title><?cs var:e.title ?></title>
<link rel="alternate" type="text/html" href="<?cs var:Site.BaseUrl ?>/news/<?cs var:e.id ?>"/>
<published><?cs var:e.published ?></published>
<updated><?cs var:e.updated ?></updated>
<author><name><?cs var:e.publisher ?></name></author>
<category term="<?cs var:e.category ?>" label="<?cs var:e.category_name ?>"/>
<content type="html"><?cs var:e.body_html ?></content>
</entry>
<?cs /each ?></feed>
