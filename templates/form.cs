<?cs # form.cs - macros for admin forms: error summary, fields with their one message, the CSRF token.
Each field macro takes the field's name (also its id), its label, and its Form node (Form.<name>),
which holds .value and, after a failed save, .error. ?>

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
<?cs def:field_attrs(name, f, required) ?> id="f-<?cs var:name ?>" name="<?cs var:name ?>"<?cs if:required ?> required<?cs /if ?><?cs if:f.error ?> aria-invalid="true" aria-describedby="f-<?cs var:name ?>-err"<?cs /if ?><?cs /def ?>

<?cs # One-line input; type is text, tel, email, url, number or password; hint may be empty. ?>
<?cs def:input(name, label, f, type, required, hint) ?><div class="field<?cs if:f.error ?> invalid<?cs /if ?>">
<label for="f-<?cs var:name ?>"><?cs var:label ?><?cs if:required ?> <span class="req"><?cs var:L.form.required ?></span><?cs /if ?></label>
<?cs if:hint ?><span class="hint"><?cs var:hint ?></span><?cs /if ?>
<input type="<?cs var:type ?>"<?cs call:field_attrs(name, f, required) ?><?cs if:type != "password" ?> value="<?cs var:f.value ?>"<?cs /if ?>>
<?cs call:field_msg(name, f) ?>
</div><?cs /def ?>

<?cs def:textarea(name, label, f, required, hint) ?><div class="field<?cs if:f.error ?> invalid<?cs /if ?>">
<label for="f-<?cs var:name ?>"><?cs var:label ?><?cs if:required ?> <span class="req"><?cs var:L.form.required ?></span><?cs /if ?></label>
<?cs if:hint ?><span class="hint"><?cs var:hint ?></span><?cs /if ?>
<textarea rows="5"<?cs call:field_attrs(name, f, required) ?>><?cs var:f.value ?></textarea>
<?cs call:field_msg(name, f) ?>
</div><?cs /def ?>

<?cs def:checkbox(name, label, f) ?><div class="field check<?cs if:f.error ?> invalid<?cs /if ?>">
<input type="checkbox" value="1"<?cs call:field_attrs(name, f, 0) ?><?cs if:f.value == "1" ?> checked<?cs /if ?>>
<label for="f-<?cs var:name ?>"><?cs var:label ?></label>
<?cs call:field_msg(name, f) ?>
</div><?cs /def ?>
