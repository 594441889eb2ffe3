<?xml version="1.0" encoding="utf-8"?><?cs # library_atom.cs - an Atom 1.0 feed (RFC 4287) of the newest 20
library documents of the filter (a reader signed out gets the public ones only). Every value is HTML-escaped,
which is also XML escaping; the description is plain text. Ids are the documents' own URLs. ?>
<?cs if:Filter.qs ?><?cs set:Feed.qs = "?" + Filter.qs ?><?cs /if ?><?cs set:Feed.title = L.library.feed_name ?><?cs
each:k = Kinds ?><?cs if:k.selected ?><?cs set:Feed.title = Feed.title + ": " + k.name_ko ?><?cs /if ?><?cs /each ?><?cs
if:Filter.association ?><?cs set:Feed.title = Feed.title + " (" + L.news.association + ")" ?><?cs /if ?><?cs
each:p = Publishers ?><?cs if:p.selected ?><?cs set:Feed.title = Feed.title + " (" + p.name_ko + ")" ?><?cs /if ?><?cs /each ?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ko">
<id><?cs var:Site.BaseUrl ?>/library.atom<?cs var:Feed.qs ?></id>
<title><?cs var:Feed.title ?></title>
<updated><?cs var:Feed.updated ?></updated>
<link rel="self" type="application/atom+xml" href="<?cs var:Site.BaseUrl ?>/library.atom<?cs var:Feed.qs ?>"/>
<link rel="alternate" type="text/html" href="<?cs var:Site.BaseUrl ?>/library<?cs var:Feed.qs ?>"/>
<author><name><?cs if:Site.Name ?><?cs var:Site.Name ?><?cs else ?><?cs var:L.site.name ?><?cs /if ?></name></author>
<?cs each:e = Entries ?><entry>
<id><?cs var:Site.BaseUrl ?>/library/<?cs var:e.id ?></id>
<title><?cs var:e.title ?></title>
<link rel="alternate" type="text/html" href="<?cs var:Site.BaseUrl ?>/library/<?cs var:e.id ?>"/>
<published><?cs var:e.published ?></published>
<updated><?cs var:e.updated ?></updated>
<author><name><?cs var:e.publisher ?></name></author>
<category term="<?cs var:e.kind_name ?>"/>
<summary type="text"><?cs var:e.kind_name ?> · <?cs var:e.year ?><?cs if:e.description ?> · <?cs var:e.description ?><?cs /if ?></summary>
</entry>
<?cs /each ?></feed>
