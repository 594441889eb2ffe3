<?cs # header.cs - the top of every page: head, skip link, site header and navigation. 
The including template sets Page.Title and Page.Nav first. ?><?cs # Record text in two languages (issue 17, docs/languages.md). On a page in another language than Korean, a record's text shows its English form where it has one, and otherwise the Korean marked lang="ko", so that screen readers read it in Korean: loc(ko, en) for text (a span when marked), loc_text and loc_lang for an element that cannot hold a span (an option): its text, and the lang attribute it needs. ko(v) and ko_lang() mark text that is only ever Korean the same way, and vh_name(v) adds it to a control's name as hidden text, since an aria-label cannot mark a part of itself; they mark text that is only ever Korean (a person's name, a news title) the same way. ?><?cs def:loc(ko, en) ?><?cs if:Page.Lang == "ko" ?><?cs var:ko ?><?cs elif:en ?><?cs var:en ?><?cs elif:ko ?><span lang="ko"><?cs var:ko ?></span><?cs /if ?><?cs /def ?><?cs def:loc_text(ko, en) ?><?cs if:Page.Lang != "ko" && en ?><?cs var:en ?><?cs else ?><?cs var:ko ?><?cs /if ?><?cs /def ?><?cs def:loc_lang(en) ?><?cs if:Page.Lang != "ko" && !en ?> lang="ko"<?cs /if ?><?cs /def ?><?cs def:ko(v) ?><?cs if:Page.Lang != "ko" && v ?><span lang="ko"><?cs var:v ?></span><?cs else ?><?cs var:v ?><?cs /if ?><?cs /def ?><?cs def:vh_name(v) ?><?cs if:Page.Lang != "ko" ?><span class="vh">: <span lang="ko"><?cs var:v ?></span></span><?cs /if ?><?cs /def ?><?cs def:ko_lang() ?><?cs if:Page.Lang != "ko" ?> lang="ko"<?cs /if ?><?cs /def ?><!DOCTYPE html>
<html lang="<?cs var:Page.Lang ?>">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title<?cs if:Page.TitleKo ?><?cs call:ko_lang() ?><?cs /if ?>><?cs var:Page.Title ?> | <?cs var:L.site.name ?></title>
<link rel="stylesheet" href="/static/site.css">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml"><?cs if:Page.Feed ?>
<link rel="alternate" type="application/atom+xml" title="<?cs var:Page.FeedTitle ?>" href="<?cs var:Page.Feed ?>"><?cs /if ?><?cs # the same page in each language (GET pages that answered: http/route.c lang_links) ?><?cs each:alt = Page.Alternate ?>
<link rel="alternate" hreflang="<?cs name:alt ?>" href="<?cs var:alt ?>"><?cs /each ?>
</head>
<body>
<a class="skip" href="#main"><?cs var:L.nav.skip ?></a>
<header class="site">
<div class="wrap">
<a class="brand" href="/"><span class="brand-name"><?cs var:L.site.name ?></span> <span class="brand-sub"><?cs var:L.site.portal ?></span></a>
<?cs # This page in the other language, the query kept; its name is written in that language (lang=). ?>
<a class="lang-switch" href="<?cs var:Page.Switch[L.lang.other] ?>" hreflang="<?cs var:L.lang.other ?>" lang="<?cs var:L.lang.other ?>"><?cs var:L.lang.other_name ?></a>
<?cs # The navigation, the search and the account links sit in a menu that a phone shows folded (one line:
the name and 메뉴); <details> opens it without JavaScript. On a wide screen site.css shows its content
whether it is open or not (::details-content) and hides the 메뉴 button. ?>
<details class="menu">
<summary><?cs var:L.nav.menu ?></summary>
<div class="menu-body">
<nav aria-label="<?cs var:L.nav.label ?>">
<ul>
<li><a href="/members"<?cs if:Page.Nav == "members" ?> aria-current="page"<?cs /if ?>><?cs var:L.nav.members ?></a></li>
<li><a href="/news"<?cs if:Page.Nav == "news" ?> aria-current="page"<?cs /if ?>><?cs var:L.news.nav ?></a></li>
<li><a href="/library"<?cs if:Page.Nav == "library" ?> aria-current="page"<?cs /if ?>><?cs var:L.library.nav ?></a></li>
<li><a href="/people"<?cs if:Page.Nav == "people" ?> aria-current="page"<?cs /if ?>><?cs var:L.nav.people ?></a></li>
<li><a href="/committees"<?cs if:Page.Nav == "committees" ?> aria-current="page"<?cs /if ?>><?cs var:L.nav.committees ?></a></li>
<li><a href="/about"<?cs if:Page.Nav == "about" ?> aria-current="page"<?cs /if ?>><?cs var:L.nav.about ?></a></li>
<?cs if:User.admin ?><li><a href="/admin"<?cs if:Page.Nav == "admin" ?> aria-current="page"<?cs /if ?>><?cs var:L.admin.title ?></a></li><?cs /if ?><?cs if:User.committees && !User.admin ?><li><a href="/admin/committees"<?cs if:Page.Nav == "committee_admin" ?> aria-current="page"<?cs /if ?>><?cs var:L.committee_admin.title ?></a></li><?cs /if ?>
</ul>
</nav>
<?cs # The site search, on every page but those with a search box of their own (the people directory,
the search page): one search box per page, so "the search box" is never ambiguous. ?>
<?cs if:Page.Nav != "people" && Page.Nav != "search" ?><form class="site-search" method="get" action="/search" role="search" aria-label="<?cs var:L.search.box ?>">
<label for="site-q" class="vh"><?cs var:L.search.label ?></label><input id="site-q" type="search" name="q"><button type="submit"><?cs var:L.search.submit ?></button>
</form><?cs /if ?>
<div class="account">
<?cs if:User.login ?><span class="who"<?cs call:ko_lang() ?>><?cs var:User.name ?></span>
<a href="/account/password"><?cs var:L.admin.account ?></a>
<form method="post" action="/logout" class="inline"><input type="hidden" name="csrf" value="<?cs var:User.csrf ?>"><button type="submit" class="link"><?cs var:L.login.logout ?></button></form>
<?cs else ?><?cs # 로그인 comes back here after (next=: this page with its known keys; on /login, the next it has) ?><?cs if:Page.Path == "/login" ?><?cs set:Page.LoginNext = Form.next.value ?><?cs else ?><?cs set:Page.LoginNext = Page.Next ?><?cs /if ?><a href="/login<?cs if:Page.LoginNext ?>?next=<?cs var:url_escape(Page.LoginNext) ?><?cs /if ?>"><?cs var:L.login.title ?></a><?cs /if ?>
</div>
</div>
</details>
</div>
</header>
<main id="main" tabindex="-1">
<div class="wrap">
<?cs # Print v, or "unknown" when the source does not say. ?>
<?cs def:fact(v) ?><?cs if:v ?><?cs var:v ?><?cs else ?><span class="unknown"><?cs var:L.unknown ?></span><?cs /if ?><?cs /def ?><?cs # The same for Korean text (fact_ko) or text in both languages (fact_loc). ?><?cs def:fact_ko(v) ?><?cs if:v && Page.Lang != "ko" ?><span lang="ko"><?cs var:v ?></span><?cs elif:v ?><?cs var:v ?><?cs else ?><span class="unknown"><?cs var:L.unknown ?></span><?cs /if ?><?cs /def ?><?cs def:fact_loc(v, en) ?><?cs if:Page.Lang != "ko" && en ?><?cs var:en ?><?cs elif:v && Page.Lang != "ko" ?><span lang="ko"><?cs var:v ?></span><?cs elif:v ?><?cs var:v ?><?cs else ?><span class="unknown"><?cs var:L.unknown ?></span><?cs /if ?><?cs /def ?>
