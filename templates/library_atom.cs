<?xml version="1.0" encoding="utf-8"?><?cs # library_atom.cs - an Atom 1.0 feed (RFC 4287) of the newest 20
library documents of the filter (a reader signed out gets the public ones only). Every value is HTML-escaped,
which is also XML escaping; the description is plain text. Ids are the documents' own URLs. The feed is in
Korean (xml:lang); on an English request its title, the publishers and the kinds are in English where the data
has them, marked xml:lang="en" (issue 17), the documents' own texts staying Korean. ?>
<?cs if:Filter.qs ?><?cs set:Feed.qs = "?" + Filter.qs ?><?cs /if ?><?cs set:Feed.title = L.library.feed_name ?><?cs
each:k = Kinds ?><?cs if:k.selected ?><?cs if:Page.Lang != "ko" && k.name_en ?><?cs set:Feed.title = Feed.title + ": " + k.name_en ?><?cs else ?><?cs set:Feed.title = Feed.title + ": " + k.name_ko ?><?cs /if ?><?cs /if ?><?cs /each ?><?cs
if:Filter.association ?><?cs set:Feed.title = Feed.title + " (" + L.news.association + ")" ?><?cs /if ?><?cs
each:p = Publishers ?><?cs if:p.selected ?><?cs if:Page.Lang != "ko" && p.name_en ?><?cs set:Feed.title = Feed.title + " (" + p.name_en + ")" ?><?cs else ?><?cs set:Feed.title = Feed.title + " (" + p.name_ko + ")" ?><?cs /if ?><?cs /if ?><?cs /each ?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ko">
<id><?cs var:Site.BaseUrl ?>/library.atom<?cs var:Feed.qs ?></id>
<title xml:lang="<?cs var:Page.Lang ?>"><?cs var:Feed.title ?></title>
<updated><?cs var:Feed.updated ?></updated>
<link rel="self" type="application/atom+xml" href="<?cs var:Site.BaseUrl ?>/library.atom<?cs var:Feed.qs ?>"/>
<link rel="alternate" type="text/html" href="<?cs var:Site.BaseUrl ?>/library<?cs var:Feed.qs ?>"/>
<author><?cs if:Page.Lang != "ko" && Site.NameEn ?><name xml:lang="en"><?cs var:Site.NameEn ?></name><?cs elif:Site.Name ?><name><?cs var:Site.Name ?></name><?cs else ?><name xml:lang="<?cs var:Page.Lang ?>"><?cs var:L.site.name ?></name><?cs /if ?></author>
<?cs each:e = Entries ?><entry>
<id><?cs var:Site.BaseUrl ?>/library/<?cs var:e.id ?></id>
<title><?cs var:e.title ?></title>
<link rel="alternate" type="text/html" href="<?cs var:Site.BaseUrl ?>/library/<?cs var:e.id ?>"/>
<published><?cs var:e.published ?></published>
<updated><?cs var:e.updated ?></updated>
<author><?cs if:Page.Lang != "ko" && e.publisher_en ?><name xml:lang="en"><?cs var:e.publisher_en ?></name><?cs else ?><name><?cs var:e.publisher ?></name><?cs /if ?></author>
<category term="<?cs if:Page.Lang != "ko" && e.kind_name_en ?><?cs var:e.kind_name_en ?><?cs else ?><?cs var:e.kind_name ?><?cs /if ?>"/>
<summary type="text"><?cs var:e.kind_name ?> · <?cs var:e.year ?><?cs if:e.description ?> · <?cs var:e.description ?><?cs /if ?></summary>
</entry>
<?cs /each ?></feed>
