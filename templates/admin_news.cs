<?cs # admin_news.cs - the articles this user may edit (drafts and deleted ones too), newest first, by state
and (secretariat) by publisher, in keyset pages of 20. ?>
<?cs set:Page.Title = L.news_admin.title ?><?cs set:Page.Nav = "admin" ?>
<?cs include:"header.cs" ?>
<h1><?cs var:L.news_admin.title ?></h1>
<?cs include:"admin_nav.cs" ?>
<?cs if:Page.Done ?><p class="ok" role="status"><?cs var:L.news_admin.done[Page.Done] ?></p><?cs /if ?>
<p class="actions"><a href="/admin/news/new"><?cs var:L.news_admin.new ?></a> <a href="/news"><?cs var:L.news_admin.view_public ?></a></p>
<form class="filters" method="get" action="/admin/news" aria-label="<?cs var:L.news_admin.filter ?>">
<div class="field">
<label for="f-state"><?cs var:L.news_admin.state ?></label>
<select id="f-state" name="state">
<?cs each:s = L.news_admin.states ?><option value="<?cs name:s ?>"<?cs if:Filter.state == name(s) ?> selected<?cs /if ?>><?cs var:s ?></option>
<?cs /each ?></select>
</div>
<?cs if:subcount(Publishers) ?><div class="field">
<label for="f-tp"><?cs var:L.news.publisher ?></label>
<select id="f-tp" name="tp">
<option value=""><?cs var:L.all ?></option>
<option value="association"<?cs if:Filter.tp == "association" ?> selected<?cs /if ?>><?cs var:L.news.association ?></option>
<?cs each:p = Publishers ?><option value="<?cs var:p.slug ?>"<?cs if:Filter.tp == p.slug ?> selected<?cs /if ?><?cs call:loc_lang(p.name_en) ?>><?cs call:loc_text(p.name_ko, p.name_en) ?></option>
<?cs /each ?></select>
</div><?cs /if ?>
<div class="field actions"><button type="submit"><?cs var:L.apply ?></button></div>
</form>
<?cs if:subcount(Articles) == 0 ?><p role="status"><?cs var:L.news.empty ?></p><?cs else ?>
<div class="table-wrap">
<table class="admin-news">
<caption><?cs var:L.news_admin.title ?></caption>
<thead><tr><th scope="col"><?cs var:L.news_admin.field.title ?></th><th scope="col"><?cs var:L.news.category ?></th><th scope="col"><?cs var:L.news.publisher ?></th><th scope="col"><?cs var:L.news_admin.state ?></th><th scope="col"><?cs var:L.news.published ?></th><th scope="col"><?cs var:L.news.updated ?></th></tr></thead>
<tbody>
<?cs each:a = Articles ?><tr>
<th scope="row" data-label="<?cs var:L.news_admin.field.title ?>"><a href="/admin/news/<?cs var:a.id ?>"><?cs call:ko(a.title) ?></a><?cs if:a.is_demo == 1 ?> <span class="badge demo" title="<?cs var:L.news.demo_note ?>"><?cs var:L.demo ?></span><?cs /if ?><?cs if:a.pinned == 1 ?> <span class="badge pin"><?cs var:L.news.pinned_badge ?></span><?cs /if ?></th>
<td data-label="<?cs var:L.news.category ?>"><?cs call:loc(a.category_name, a.category_name_en) ?></td>
<td data-label="<?cs var:L.news.publisher ?>"><?cs if:a.tp_name ?><?cs call:loc(a.tp_name, a.tp_name_en) ?><?cs else ?><?cs var:L.news.association ?><?cs /if ?></td>
<td data-label="<?cs var:L.news_admin.state ?>"><?cs if:a.deleted == 1 ?><span class="badge warn"><?cs var:L.news_admin.states.deleted ?></span><?cs elif:a.state == "draft" ?><span class="badge warn"><?cs var:L.news_admin.states.draft ?></span><?cs else ?><?cs var:L.news_admin.states.published ?><?cs /if ?></td>
<td data-label="<?cs var:L.news.published ?>"><?cs if:a.published ?><?cs var:a.published ?><?cs else ?>-<?cs /if ?></td>
<td data-label="<?cs var:L.news.updated ?>"><?cs var:a.updated ?></td>
</tr>
<?cs /each ?></tbody>
</table>
</div>
<?cs /if ?>
<?cs if:Page.Older || Page.NotFirst ?><nav class="pager" aria-label="<?cs var:L.news.pages ?>"><ul>
<?cs if:Page.NotFirst ?><li><a href="/admin/news?state=<?cs var:url_escape(Filter.state) ?><?cs if:Filter.tp ?>&amp;tp=<?cs var:url_escape(Filter.tp) ?><?cs /if ?>"><?cs var:L.news.newest ?></a></li><?cs /if ?>
<?cs if:Page.Older ?><li><a rel="next" href="/admin/news?state=<?cs var:url_escape(Filter.state) ?><?cs if:Filter.tp ?>&amp;tp=<?cs var:url_escape(Filter.tp) ?><?cs /if ?>&amp;before=<?cs var:Page.Older ?>"><?cs var:L.news.older ?></a></li><?cs /if ?>
</ul></nav><?cs /if ?>
<?cs include:"footer.cs" ?>
