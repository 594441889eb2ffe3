<?cs # admin_committee_seat.cs - add a seat to a committee or change one (member, role, term); delete one
entered by mistake. A stale save merges three ways (form.cs conflict()); the term's days are date inputs. ?>
<?cs if:Seat.id ?><?cs set:Page.Heading = L.committee_admin.seat_edit_title ?><?cs else ?><?cs set:Page.Heading = L.committee_admin.seat_new_title ?><?cs /if ?>
<?cs if:Page.Lang != "ko" && Committee.name_en ?><?cs set:Page.Title = Committee.name_en + " " + Page.Heading ?><?cs else ?><?cs set:Page.Title = Committee.name_ko + " " + Page.Heading ?><?cs set:Page.TitleKo = 1 ?><?cs /if ?><?cs if:User.admin ?><?cs set:Page.Nav = "admin" ?><?cs else ?><?cs set:Page.Nav = "committee_admin" ?><?cs /if ?>
<?cs include:"header.cs" ?>
<?cs include:"form.cs" ?>
<?cs include:"admin_committee_form.cs" ?>
<p class="crumbs"><a href="/admin/committees/<?cs var:url_escape(Committee.slug) ?>"><?cs call:loc(Committee.name_ko, Committee.name_en) ?> <?cs var:L.committee_admin.title ?></a></p>
<h1><?cs call:loc(Committee.name_ko, Committee.name_en) ?> <?cs var:Page.Heading ?></h1>
<?cs call:cnav() ?>
<?cs if:Seat.id && User.admin ?><p><a href="/admin/history?entity=committee_member&amp;id=<?cs var:Seat.id ?>"><?cs var:L.admin.record_history ?></a></p><?cs /if ?>
<?cs call:stale() ?>
<?cs if:Page.DeleteRefused ?><p class="errors" role="alert"><?cs var:L.committee_admin.delete_refused_seat ?></p><?cs /if ?>
<?cs call:cform_errors() ?>
<form method="post" action="<?cs if:Seat.id ?>/admin/seats/<?cs var:Seat.id ?><?cs else ?>/admin/committees/<?cs var:url_escape(Committee.slug) ?>/seats<?cs /if ?>" class="stacked">
<?cs call:csrf() ?>
<?cs call:save_fields() ?>
<?cs call:conflict() ?>
<?cs if:!Conflict.fields.member ?><div class="field<?cs if:Form.member.error ?> invalid<?cs /if ?>">
<label for="f-member"><?cs var:L.committee_admin.field.member ?> <span class="req"><?cs var:L.form.required ?></span></label>
<span class="hint"><?cs var:L.committee_admin.hint_member ?></span>
<select<?cs call:field_attrs("member", Form.member, 1) ?>>
<option value=""><?cs var:L.committee_admin.choose ?></option>
<optgroup label="<?cs var:L.committee_admin.member_tps ?>">
<?cs each:o = Options.TPs ?><option value="t<?cs var:o.id ?>"<?cs if:Form.member.value == "t" + o.id ?> selected<?cs /if ?><?cs call:loc_lang(o.name_en) ?>><?cs call:loc_text(o.name_ko, o.name_en) ?></option>
<?cs /each ?></optgroup>
<?cs set:Page.Org = "" ?><?cs each:o = Options.People ?><?cs if:o.org != Page.Org ?><?cs if:Page.Org != "" ?></optgroup>
<?cs /if ?><optgroup label="<?cs var:o.org ?>"<?cs call:ko_lang() ?>><?cs set:Page.Org = o.org ?><?cs /if ?>
<option value="p<?cs var:o.id ?>"<?cs if:Form.member.value == "p" + o.id ?> selected<?cs /if ?><?cs call:ko_lang() ?>><?cs var:o.name ?><?cs if:o.title ?> (<?cs var:o.title ?>)<?cs /if ?><?cs if:o.visible == 0 ?> <?cs var:L.committee_admin.member_people_hidden ?><?cs /if ?></option>
<?cs /each ?><?cs if:Page.Org != "" ?></optgroup><?cs /if ?>
</select>
<?cs call:field_msg("member", Form.member) ?>
</div><?cs /if ?>
<?cs call:cchoice("role", L.committee_admin.field.role, Form.role, L.committee.role, 1, "") ?>
<?cs call:dtinput("term_start", L.committee_admin.field.term_start, Form.term_start, "date", 0, L.committee_admin.hint_term_date) ?>
<?cs call:dtinput("term_end", L.committee_admin.field.term_end, Form.term_end, "date", 0, L.committee_admin.hint_term_end) ?>
<?cs call:input("note", L.committee_admin.field.note, Form.note, "text", 0, "") ?>
<div class="actions"><button type="submit"><?cs var:L.form.save ?></button>
<a href="/admin/committees/<?cs var:url_escape(Committee.slug) ?>"><?cs var:L.form.cancel ?></a></div>
</form>
<?cs if:Seat.id ?>
<section aria-labelledby="delete-h">
<h2 id="delete-h"><?cs var:L.committee_admin.delete_seat ?></h2>
<p><?cs var:L.committee_admin.delete_seat_text ?></p>
<form method="post" action="/admin/seats/<?cs var:Seat.id ?>/delete">
<?cs call:csrf() ?>
<input type="hidden" name="version" value="<?cs var:Form.version.value ?>">
<div class="actions"><button type="submit" class="secondary"><?cs var:L.committee_admin.delete ?></button></div>
</form>
</section>
<?cs /if ?>
<?cs include:"footer.cs" ?>
