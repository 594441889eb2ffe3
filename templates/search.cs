<?cs # search.cs - the search page: the box (the query kept), the type filter with counts, ranked results.
Every piece of a record's text is printed with var: (escaped); a match is the same escaped text inside
<mark>, so nothing a record holds is ever printed raw. ?>
<?cs set:Page.Title = L.search.title ?><?cs set:Page.Nav = "search" ?>
<?cs include:"header.cs" ?>
<?cs include:"source_marks.cs" ?>
<?cs # A snippet's segments (node.S), matches inside <mark>. No white space between them: it would show. ?>
<?cs def:segs(node) ?><?cs each:g = node.S ?><?cs if:g.m ?><mark><?cs var:g.t ?></mark><?cs else ?><?cs var:g.t ?><?cs /if ?><?cs /each ?><?cs /def ?>
<?cs # Where a result lives. ?>
<?cs def:result_url(r) ?><?cs if:r.kind == "members" ?>/members/<?cs var:url_escape(r.slug) ?><?cs elif:r.kind == "people" ?>/people?q=<?cs var:url_escape(r.title) ?><?cs elif:r.kind == "news" ?>/news/<?cs var:r.ref_id ?><?cs elif:r.kind == "library" ?>/library/<?cs var:r.ref_id ?><?cs elif:r.kind == "about" ?>/about<?cs elif:r.kind == "bodies" ?>/committees/<?cs var:url_escape(r.slug) ?><?cs else ?>/committees/<?cs var:url_escape(r.slug) ?>/meetings/<?cs var:r.ref_id ?><?cs /if ?><?cs /def ?>
<?cs # This search with another type or page. ?>
<?cs def:search_url(type, page) ?>/search?q=<?cs var:url_escape(Search.q) ?><?cs if:type ?>&amp;type=<?cs var:url_escape(type) ?><?cs /if ?><?cs if:page > 1 ?>&amp;page=<?cs var:page ?><?cs /if ?><?cs /def ?>
<h1><?cs var:L.search.title ?></h1>
<form class="filters" method="get" action="/search" role="search" aria-label="<?cs var:L.search.title ?>">
<div class="field grow">
<label for="f-q"><?cs var:L.search.query ?></label>
<input id="f-q" type="search" name="q" value="<?cs var:Search.q ?>" aria-describedby="f-q-hint">
<span class="hint" id="f-q-hint"><?cs var:L.search.hint ?></span>
</div>
<div class="field">
<label for="f-type"><?cs var:L.search.type ?></label>
<select id="f-type" name="type">
<option value=""><?cs var:L.search.all ?></option>
<?cs each:k = L.search.kind ?><option value="<?cs var:name(k) ?>"<?cs if:Search.type == name(k) ?> selected<?cs /if ?>><?cs var:k ?></option>
<?cs /each ?></select>
</div>
<div class="field actions"><button type="submit"><?cs var:L.search.submit ?></button></div>
</form>

<?cs if:Search.error ?>
<?cs if:Search.asked ?>
<p class="errors" role="alert" id="search-msg"><?cs var:L.search.error[Search.error] ?>
<?cs if:Search.error == "long" ?><?cs var:L.search.limit_chars ?> <?cs var:Search.max_chars ?><?cs var:L.search.chars ?><?cs elif:Search.error == "many" ?><?cs var:L.search.limit_words ?> <?cs var:Search.max_words ?><?cs var:L.search.words ?><?cs /if ?></p>
<?cs else ?>
<p class="note"><?cs var:L.search.intro ?></p>
<?cs /if ?>
<?cs else ?>
<?cs # A count that includes demo results says how many (issue 20): "(데모 3건 포함)". ?>
<?cs # A count as the page prints it: an estimate (issue 21) reads "약 1,000,000" with its reason in a title. ?>
<?cs def:num(n, text, approx) ?><?cs if:approx ?><abbr class="approx" title="<?cs var:L.search.approx_title ?>"><?cs var:L.search.about ?> <?cs var:text ?></abbr><?cs else ?><?cs var:n ?><?cs /if ?><?cs /def ?>
<?cs def:demo_results(n, text, approx) ?><?cs if:n > 0 ?> <span class="badge demo" title="<?cs var:L.search.demo_count_title ?>">(<?cs var:L.committee.seats_demo ?> <?cs call:num(n, text, approx) ?><?cs var:L.search.unit ?> <?cs var:L.committee.seats_demo_incl ?>)</span><?cs /if ?><?cs /def ?>
<nav class="types" aria-label="<?cs var:L.search.types ?>">
<ul>
<li><a href="<?cs call:search_url("", 1) ?>"<?cs if:!Search.type ?> aria-current="page"<?cs /if ?>><?cs var:L.search.all ?> <span class="count">(<?cs call:num(Search.total, Search.total_text, Search.total_approx) ?>)</span><?cs call:demo_results(Search.demo_total, Search.demo_total_text, Search.demo_total_approx) ?></a></li>
<?cs each:k = L.search.kind ?><li><a href="<?cs call:search_url(name(k), 1) ?>"<?cs if:Search.type == name(k) ?> aria-current="page"<?cs /if ?>><?cs var:k ?> <span class="count">(<?cs if:Search.Counts[name(k)] ?><?cs call:num(Search.Counts[name(k)], Search.Counts[name(k) + "_text"], Search.Counts[name(k) + "_approx"]) ?><?cs else ?>0<?cs /if ?>)</span><?cs call:demo_results(Search.Demo[name(k)], Search.Demo[name(k) + "_text"], Search.Demo[name(k) + "_approx"]) ?></a></li>
<?cs /each ?></ul>
</nav>
<?cs if:Search.shown > 0 ?>
<p class="count" role="status"><q<?cs if:Search.q_ko ?><?cs call:ko_lang() ?><?cs /if ?>><?cs var:Search.q ?></q> <?cs var:L.search.results_for ?> <?cs call:num(Search.found, Search.found_text, Search.found_approx) ?><?cs var:L.search.unit ?><?cs call:demo_results(Search.demo_found, Search.demo_found_text, Search.demo_found_approx) ?> <?cs var:L.search.of ?> <?cs var:Search.from ?>–<?cs var:Search.to ?></p>
<ol class="results" start="<?cs var:Search.from ?>">
<?cs each:r = Results ?><li data-ref="<?cs var:r.kind ?>/<?cs var:r.ref_id ?>">
<h2><a href="<?cs call:result_url(r) ?>"<?cs if:!r.title_en_shown ?><?cs call:ko_lang() ?><?cs /if ?>><?cs call:segs(r.Title) ?></a><?cs if:r.is_demo == 1 ?> <span class="badge demo" title="<?cs var:L.demo_note ?>"><?cs var:L.demo ?></span><?cs /if ?></h2>
<p class="meta"><span class="kind"><?cs var:L.search.kind[r.kind] ?></span><?cs if:r.meta ?> · <?cs call:ko(r.meta) ?><?cs /if ?><?cs if:r.date && (r.kind == "news" || r.kind == "committees" || r.kind == "library") ?> · <?cs var:r.date ?><?cs /if ?><?cs call:as_of(r.src_year) ?></p>
<?cs if:subcount(r.Snip.S) ?><p class="snippet"<?cs call:ko_lang() ?>><?cs if:r.Snip.cut_before ?>…<?cs /if ?><?cs call:segs(r.Snip) ?><?cs if:r.Snip.cut_after ?>…<?cs /if ?></p><?cs /if ?>
</li>
<?cs /each ?></ol>
<?cs if:Search.more ?><p class="note" id="search-more"><?cs var:L.search.deep ?> <?cs var:Search.last_page ?><?cs var:L.search.deep_pages ?> <?cs var:L.search.narrow ?></p><?cs /if ?>
<?cs elif:Search.deep ?>
<p role="status" class="note"><?cs var:L.search.deep ?> <?cs var:Search.last_page ?><?cs var:L.search.deep_pages ?> <?cs var:L.search.narrow ?> <a href="<?cs call:search_url(Search.type, 1) ?>"><?cs var:L.search.first_page ?></a></p>
<?cs elif:Search.found > 0 ?>
<p role="status"><?cs var:L.search.past_end ?> <a href="<?cs call:search_url(Search.type, 1) ?>"><?cs var:L.search.first_page ?></a></p>
<?cs elif:Search.total > 0 ?>
<p role="status"><?cs var:L.search.none_in_type ?> <a href="<?cs call:search_url("", 1) ?>"><?cs var:L.search.see_all ?></a></p>
<?cs else ?>
<p role="status"><q<?cs if:Search.q_ko ?><?cs call:ko_lang() ?><?cs /if ?>><?cs var:Search.q ?></q> <?cs var:L.search.none ?></p>
<?cs /if ?>
<?cs if:Pager.prev || Pager.next || ?Refused.page ?>
<nav class="pager" aria-label="<?cs var:L.search.pages ?>">
<?cs if:?Refused.page ?><p class="field-error" role="alert" id="page-err"><?cs var:L.search.bad_page ?> <q><?cs var:Refused.page ?></q>: <?cs var:L.search.bad_page_why ?></p><?cs /if ?>
<?cs if:Pager.prev ?><a rel="prev" href="<?cs call:search_url(Search.type, Pager.prev) ?>"><?cs var:L.prev ?></a><?cs /if ?>
<?cs if:Pager.next ?><a rel="next" href="<?cs call:search_url(Search.type, Pager.next) ?>"><?cs var:L.next ?></a><?cs /if ?>
</nav>
<?cs /if ?>
<?cs /if ?>
<?cs include:"footer.cs" ?>
