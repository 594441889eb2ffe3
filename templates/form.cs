<?cs # form.cs - macros for admin forms: error summary, fields with their one message, the CSRF token.
Each field macro takes the field's name (also its id), its label, and its Form node (Form.<name>),
which holds .value and, after a failed save, .error. On a conflict page (Conflict.shown) a field both
people changed is not an input but a choice in conflict() (the save pipeline, src/admin/save.c). ?>

<?cs # A summary at the top of a form that came back with mistakes: links to each field. ?>
<?cs def:form_errors() ?><?cs if:Form.errors > 0 ?>
<div class="errors" role="alert" aria-labelledby="errors-h">
<h2 id="errors-h"><?cs var:L.form.fix ?></h2>
<ul>
<?cs each:e = Form.Errors ?><li><a href="#f-<?cs var:e ?>"><?cs var:L.field[e] ?>: <?cs var:Form[e].error ?></a></li>
<?cs /each ?></ul>
</div>
<?cs /if ?><?cs if:Form.message ?><p class="errors" role="alert"><?cs var:Form.message ?></p><?cs /if ?><?cs /def ?>

<?cs # The hidden per-session token every POST form carries. ?>
<?cs def:csrf() ?><input type="hidden" name="csrf" value="<?cs var:User.csrf ?>"><?cs /def ?>

<?cs def:field_msg(name, f) ?><?cs if:f.error ?><p class="field-error" id="f-<?cs var:name ?>-err"><?cs var:f.error ?></p><?cs /if ?><?cs /def ?>
<?cs def:field_attrs(name, f, required) ?> id="f-<?cs var:name ?>" name="<?cs var:name ?>"<?cs if:string.slice(name, string.length(name) - 3, string.length(name)) == "_en" ?> lang="en"<?cs /if ?><?cs if:required ?> required<?cs /if ?><?cs if:f.error ?> aria-invalid="true" aria-describedby="f-<?cs var:name ?>-err"<?cs /if ?><?cs /def ?>

<?cs # One-line input; type is text, tel, email, url, number or password; hint may be empty. ?>
<?cs def:input(name, label, f, type, required, hint) ?><?cs if:!Conflict.fields[name] ?><div class="field<?cs if:f.error ?> invalid<?cs /if ?>">
<label for="f-<?cs var:name ?>"><?cs var:label ?><?cs if:required ?> <span class="req"><?cs var:L.form.required ?></span><?cs /if ?></label>
<?cs if:hint ?><span class="hint"><?cs var:hint ?></span><?cs /if ?>
<input type="<?cs var:type ?>"<?cs call:field_attrs(name, f, required) ?><?cs if:type != "password" ?> value="<?cs var:f.value ?>"<?cs /if ?>>
<?cs call:field_msg(name, f) ?>
</div><?cs /if ?><?cs /def ?>

<?cs def:textarea(name, label, f, required, hint) ?><?cs if:!Conflict.fields[name] ?><div class="field<?cs if:f.error ?> invalid<?cs /if ?>">
<label for="f-<?cs var:name ?>"><?cs var:label ?><?cs if:required ?> <span class="req"><?cs var:L.form.required ?></span><?cs /if ?></label>
<?cs if:hint ?><span class="hint"><?cs var:hint ?></span><?cs /if ?>
<textarea rows="5"<?cs call:field_attrs(name, f, required) ?><?cs if:string.slice(name, string.length(name) - 3, string.length(name)) != "_en" ?><?cs call:ko_lang() ?><?cs /if ?>><?cs var:f.value ?></textarea>
<?cs call:field_msg(name, f) ?>
</div><?cs /if ?><?cs /def ?>

<?cs def:checkbox(name, label, f) ?><?cs if:!Conflict.fields[name] ?><div class="field check<?cs if:f.error ?> invalid<?cs /if ?>">
<input type="checkbox" value="1"<?cs call:field_attrs(name, f, 0) ?><?cs if:f.value == "1" ?> checked<?cs /if ?>>
<label for="f-<?cs var:name ?>"><?cs var:label ?></label>
<?cs call:field_msg(name, f) ?>
</div><?cs /if ?><?cs /def ?>

<?cs # The hidden fields of every form of the save pipeline: the version the form was made from, the digest
of each field's value as rendered (the base of the three-way merge) and the one-time submission key. ?>
<?cs def:save_fields() ?><input type="hidden" name="version" value="<?cs var:Form.version.value ?>">
<input type="hidden" name="digests" value="<?cs var:Form.digests.value ?>">
<input type="hidden" name="key" value="<?cs var:Form.key.value ?>"><?cs /def ?>

<?cs # One side of a conflicting field: a radio, whose side it is, the value as a person reads it. ?>
<?cs def:conflict_side(c, side, heading, v, checked) ?><label class="side"><input type="radio" name="pick.<?cs var:c.field ?>" value="<?cs var:side ?>"<?cs if:checked ?> checked<?cs /if ?>>
<span class="side-h"><?cs var:heading ?></span> <span class="v"><?cs if:v ?><?cs var:v ?><?cs else ?><span class="unknown"><?cs var:L.none ?></span><?cs /if ?></span></label><?cs /def ?>

<?cs # Inside the form of a conflict page (409): only the fields both people changed, each with its label,
the stored and the submitted value side by side and a choice (the stored value unless the user picks
theirs); the hidden values are what each choice saves. ?>
<?cs def:conflict() ?><?cs if:Conflict.shown ?>
<section class="conflict" role="alert" aria-labelledby="conflict-h">
<h2 id="conflict-h"><?cs var:L.form.conflict_title ?></h2>
<p><?cs var:L.save.conflict_text ?></p>
<?cs each:c = Conflict.Rows ?><fieldset class="conflict-field" id="conflict-<?cs var:c.field ?>">
<legend><?cs var:c.label ?></legend>
<div class="sides"><?cs call:conflict_side(c, "stored", L.form.conflict_current, c.stored, 1) ?>
<?cs call:conflict_side(c, "yours", L.form.conflict_yours, c.yours, 0) ?></div>
<?cs each:v = c.stored_raw ?><input type="hidden" name="stored.<?cs var:c.field ?>" value="<?cs var:v ?>"><?cs /each ?>
<?cs each:v = c.yours_raw ?><input type="hidden" name="yours.<?cs var:c.field ?>" value="<?cs var:v ?>"><?cs /each ?>
</fieldset>
<?cs /each ?></section>
<?cs /if ?><?cs /def ?>
