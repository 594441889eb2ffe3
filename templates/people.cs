<?cs # people.cs - the people directory: a search box, a technopark filter, one page of results. ?>
<?cs set:Page.Title = L.people.title ?><?cs set:Page.Nav = "people" ?>
<?cs include:"header.cs" ?>
<?cs include:"source_marks.cs" ?>
<h1><?cs var:L.people.title ?></h1>
<form class="filters" method="get" action="/people" role="search">
<div class="field grow">
<label for="f-q"><?cs var:L.people.query ?></label>
<input id="f-q" type="search" name="q" maxlength="50" value="<?cs var:Filter.q ?>">
</div>
<div class="field">
<label for="f-tp"><?cs var:L.people.tp ?></label>
<select id="f-tp" name="tp">
<option value=""><?cs var:L.all ?></option>
<option value="association"<?cs if:Filter.tp == "association" ?> selected<?cs /if ?>><?cs var:L.people.association ?></option>
<?cs each:t = TPs ?><option value="<?cs var:t.slug ?>"<?cs if:t.selected ?> selected<?cs /if ?><?cs call:loc_lang(t.name_en) ?>><?cs call:loc_text(t.name_ko, t.name_en) ?></option>
<?cs /each ?></select>
</div>
<div class="field actions"><button type="submit"><?cs var:L.search ?></button></div>
</form>

<?cs if:!Page.ShowContacts ?><p class="note"><?cs var:L.contacts_hidden ?></p><?cs /if ?>
<?cs if:User.login && Pager.count > 0 ?><p class="exports"><a href="/people.csv?q=<?cs var:url_escape(Filter.q) ?>&amp;tp=<?cs var:url_escape(Filter.tp) ?>" download><?cs var:L.export.csv ?></a> · <a href="/people.vcf?q=<?cs var:url_escape(Filter.q) ?>&amp;tp=<?cs var:url_escape(Filter.tp) ?>" download><?cs var:L.export.vcf ?></a> <span class="meta"><?cs var:L.export.all_pages ?></span></p><?cs /if ?>
<?cs if:Pager.count == 0 ?>
<p role="status"><?cs var:L.people.empty ?></p>
<?cs else ?>
<p class="count" role="status"><?cs var:L.people.total ?> <?cs var:Pager.total ?><?cs var:L.people.found ?><?cs if:Pager.demo > 0 ?> <span class="badge demo" title="<?cs var:L.people.demo_count_title ?>">(<?cs var:L.committee.seats_demo ?> <?cs var:Pager.demo ?><?cs var:L.people.found ?> <?cs var:L.committee.seats_demo_incl ?>)</span><?cs /if ?> · <?cs var:Pager.page ?>/<?cs var:Pager.pages ?><?cs var:L.people.page ?> (<?cs var:Pager.from ?>–<?cs var:Pager.to ?>)</p>
<div class="table-wrap">
<table class="people">
<caption><?cs var:L.people.title ?></caption>
<thead><tr><th scope="col"><?cs var:L.people.name ?></th><th scope="col"><?cs var:L.people.org ?></th><th scope="col"><?cs var:L.people.position ?></th><th scope="col"><?cs var:L.people.department ?></th><?cs if:Page.ShowContacts ?><th scope="col"><?cs var:L.people.phone ?></th><th scope="col"><?cs var:L.people.email ?></th><?cs /if ?></tr></thead>
<tbody>
<?cs each:p = People ?><tr>
<th scope="row" data-label="<?cs var:L.people.name ?>"><?cs call:ko(p.name) ?><?cs if:p.is_demo == 1 ?> <span class="badge demo" title="<?cs var:L.demo_note ?>"><?cs var:L.demo ?></span><?cs /if ?><?cs if:p.is_demo != 1 ?><?cs if:p.note ?><br><span class="note"><?cs call:ko(p.note) ?></span><?cs /if ?><?cs call:as_of(p.src_year) ?><?cs /if ?></th>
<td data-label="<?cs var:L.people.org ?>"><?cs if:p.tp_slug ?><a href="/members/<?cs var:url_escape(p.tp_slug) ?>"><?cs call:loc(p.tp_name, p.tp_name_en) ?></a><?cs else ?><a href="/about"><?cs call:loc(p.tp_name, p.tp_name_en) ?></a><?cs /if ?></td>
<td data-label="<?cs var:L.people.position ?>"><?cs call:fact_ko(p.title) ?></td>
<td data-label="<?cs var:L.people.department ?>"><?cs call:fact_ko(p.department) ?></td>
<?cs if:Page.ShowContacts ?><td class="tel" data-label="<?cs var:L.people.phone ?>"><?cs call:fact(p.phone) ?></td>
<td data-label="<?cs var:L.people.email ?>"><?cs if:p.email ?><a href="mailto:<?cs var:url_escape(p.email) ?>"><?cs var:p.email ?></a><?cs else ?><span class="unknown"><?cs var:L.unknown ?></span><?cs /if ?></td><?cs /if ?>
</tr>
<?cs /each ?></tbody>
</table>
</div>
<?cs /if ?>
<?cs # The pager: 이전, the numbered pages (the first, the last and those around this one), 다음. A page
number that is none (page=abc, page=0) came back as Refused.page: the first page with a word here. ?>
<?cs def:people_url(n) ?>/people?q=<?cs var:url_escape(Filter.q) ?>&amp;tp=<?cs var:url_escape(Filter.tp) ?>&amp;page=<?cs var:n ?><?cs /def ?>
<?cs if:?Refused.page || Pager.pages > 1 || Pager.prev ?>
<nav class="pager" aria-label="<?cs var:L.people.pages ?>">
<?cs if:?Refused.page ?><p class="field-error" role="alert" id="page-err"><?cs var:L.people.bad_page ?> <q><?cs var:Refused.page ?></q>: <?cs var:L.people.bad_page_why ?><?cs if:Pager.pages > 0 ?> (1–<?cs var:Pager.pages ?>)<?cs /if ?></p><?cs /if ?>
<?cs if:Pager.prev ?><a rel="prev" href="<?cs call:people_url(Pager.prev) ?>"><?cs var:L.prev ?></a><?cs /if ?>
<?cs if:Pager.pages > 1 ?><ul class="pages">
<?cs each:k = Pager.Links ?><li><?cs if:k.gap ?><span aria-hidden="true">…</span><?cs elif:k.current ?><a href="<?cs call:people_url(k.n) ?>" aria-current="page"><?cs var:k.n ?></a><?cs else ?><a href="<?cs call:people_url(k.n) ?>"><?cs var:k.n ?></a><?cs /if ?></li>
<?cs /each ?></ul><?cs /if ?>
<?cs if:Pager.next ?><a rel="next" href="<?cs call:people_url(Pager.next) ?>"><?cs var:L.next ?></a><?cs /if ?>
</nav>
<?cs /if ?>
<?cs include:"footer.cs" ?>
