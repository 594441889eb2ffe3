<?cs # admin_history.cs - the audit log: newest first, each change with its fields' old and new values. ?>
<?cs set:Page.Title = L.history.title ?><?cs set:Page.Nav = "admin" ?>
<?cs include:"header.cs" ?>
<?cs # A logged value as page_admin_history.c made it readable (words, names); an empty one as "none". ?>
<?cs def:hval(none, shown, ko, tag) ?><?cs if:none ?><span class="unknown"><?cs var:L.none ?></span><?cs elif:tag == "del" ?><del<?cs if:ko ?><?cs call:ko_lang() ?><?cs /if ?>><?cs var:shown ?></del><?cs else ?><ins<?cs if:ko ?><?cs call:ko_lang() ?><?cs /if ?>><?cs var:shown ?></ins><?cs /if ?><?cs /def ?>
<h1><?cs var:L.history.title ?></h1>
<?cs include:"admin_nav.cs" ?>
<?cs if:!Page.AllTps ?><p class="note"><?cs var:L.history.own_only ?></p><?cs /if ?>
<form class="filters" method="get" action="/admin/history">
<div class="field">
<label for="f-entity"><?cs var:L.history.entity_label ?></label>
<select id="f-entity" name="entity">
<option value=""><?cs var:L.all ?></option>
<?cs each:e = L.history.entity ?><option value="<?cs var:name(e) ?>"<?cs if:Filter.entity == name(e) ?> selected<?cs /if ?>><?cs var:e ?></option>
<?cs /each ?></select>
</div>
<div class="field">
<label for="f-id"><?cs var:L.history.id_label ?></label>
<input id="f-id" type="number" name="id" min="1" value="<?cs var:Filter.id ?>">
</div>
<?cs if:Page.AllTps ?><div class="field">
<label for="f-tp"><?cs var:L.field.technopark ?></label>
<select id="f-tp" name="tp">
<option value=""><?cs var:L.all ?></option>
<?cs each:t = TPs ?><option value="<?cs var:t.slug ?>"<?cs if:t.selected ?> selected<?cs /if ?><?cs call:loc_lang(t.name_en) ?>><?cs call:loc_text(t.name_ko, t.name_en) ?></option>
<?cs /each ?></select>
</div><?cs /if ?>
<?cs if:Filter.user ?><input type="hidden" name="user" value="<?cs var:Filter.user ?>"><?cs /if ?>
<div class="field actions"><button type="submit"><?cs var:L.apply ?></button>
<a href="/admin/history"><?cs var:L.members.reset ?></a></div>
</form>
<?cs if:Filter.user ?><p><?cs var:L.history.by_user ?></p><?cs /if ?>

<?cs if:HistoryCount == 0 ?><p role="status"><?cs var:L.history.empty ?></p><?cs else ?>
<div class="table-wrap">
<table class="diff history">
<caption><?cs var:L.history.title ?><?cs if:Filter.before ?> (<?cs var:L.history.older ?>)<?cs /if ?></caption>
<thead><tr><th scope="col"><?cs var:L.history.at ?></th><th scope="col"><?cs var:L.history.who ?></th><th scope="col"><?cs var:L.history.action_label ?></th><th scope="col"><?cs var:L.history.record ?></th><th scope="col"><?cs var:L.history.changes ?></th></tr></thead>
<tbody>
<?cs each:c = History ?><tr>
<th scope="row" class="at" data-label="<?cs var:L.history.at ?>"><time datetime="<?cs var:c.at ?>"><?cs var:c.at ?></time></th>
<td data-label="<?cs var:L.history.who ?>"><?cs if:c.who ?><a href="/admin/history?user=<?cs var:c.user_id ?>"><?cs call:ko(c.who) ?></a><?cs else ?><span title="<?cs var:L.history.tool_note ?>"><?cs var:L.history.tool ?></span><?cs /if ?></td>
<td data-label="<?cs var:L.history.action_label ?>"><?cs alt:L.history.action[c.action] ?><?cs var:c.action ?><?cs /alt ?><?cs if:c.note ?> <span class="note">(<?cs alt:L.history.action[c.note] ?><?cs call:ko(c.note) ?><?cs /alt ?>)</span><?cs /if ?></td>
<td data-label="<?cs var:L.history.record ?>"><?cs alt:L.history.entity[c.entity] ?><?cs var:c.entity ?><?cs /alt ?>
<?cs if:c.entity == "technopark" && c.entity_slug ?><a href="/admin/members/<?cs var:url_escape(c.entity_slug) ?>">#<?cs var:c.entity_id ?></a><?cs elif:c.entity == "person" && c.person_exists == 1 ?><a href="/admin/people/<?cs var:c.entity_id ?>">#<?cs var:c.entity_id ?></a><?cs elif:c.entity == "user" && User.role == "secretariat" ?><a href="/admin/users/<?cs var:c.entity_id ?>">#<?cs var:c.entity_id ?></a><?cs elif:c.entity == "change_request" ?><a href="/admin/requests/<?cs var:c.entity_id ?>">#<?cs var:c.entity_id ?></a><?cs else ?>#<?cs var:c.entity_id ?><?cs /if ?>
<?cs if:c.tp_name ?><br><span class="note"><?cs call:loc(c.tp_name, c.tp_name_en) ?></span><?cs /if ?>
<?cs if:Filter.entity != c.entity || Filter.id != c.entity_id ?><br><a href="/admin/history?entity=<?cs var:url_escape(c.entity) ?>&amp;id=<?cs var:c.entity_id ?>"><?cs var:L.admin.record_history ?></a><?cs /if ?></td>
<td data-label="<?cs var:L.history.changes ?>"><?cs if:subcount(c.Fields) ?><ul class="changes">
<?cs each:f = c.Fields ?><li><strong class="field"><?cs if:Page.Lang != "ko" && f.label_word ?><?cs var:f.label_word ?> <span lang="ko"><?cs var:f.subject ?></span><?cs else ?><?cs var:f.label ?><?cs /if ?></strong>: <?cs call:hval(f.old_none, f.old_shown, f.old_ko, "del") ?> → <?cs call:hval(f.new_none, f.new_shown, f.new_ko, "ins") ?></li>
<?cs /each ?></ul><?cs else ?><span class="unknown"><?cs var:L.history.no_fields ?></span><?cs /if ?></td>
</tr>
<?cs /each ?></tbody>
</table>
</div>
<?cs /if ?>
<?cs if:Pager.before ?>
<nav class="pager" aria-label="<?cs var:L.history.pages ?>">
<a rel="next" href="/admin/history?before=<?cs var:Pager.before ?><?cs if:Filter.entity ?>&amp;entity=<?cs var:url_escape(Filter.entity) ?><?cs /if ?><?cs if:Filter.id ?>&amp;id=<?cs var:Filter.id ?><?cs /if ?><?cs if:Filter.user ?>&amp;user=<?cs var:Filter.user ?><?cs /if ?><?cs if:Filter.tp ?>&amp;tp=<?cs var:url_escape(Filter.tp) ?><?cs /if ?>"><?cs var:L.history.older ?></a>
</nav>
<?cs /if ?>
<?cs include:"footer.cs" ?>
