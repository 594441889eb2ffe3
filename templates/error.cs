<?cs # error.cs - every error page (400, 403, 404, 405, 413, 416, 422, 500, 503). ?>
<?cs set:Page.Title = L.error[Error.Status].title ?>
<?cs include:"header.cs" ?>
<h1><?cs var:L.error[Error.Status].title ?></h1>
<p><?cs if:Error.Busy ?><?cs var:L.error.busy ?><?cs else ?><?cs var:L.error[Error.Status].text ?><?cs /if ?></p>
<?cs if:Error.FileMissing ?><p><?cs var:L.error.file_missing ?></p><?cs /if ?><?cs if:Error.Param ?><p><?cs var:L.error.param ?>: <code><?cs var:Error.Param ?></code></p><?cs /if ?>
<p><a href="/"><?cs var:L.error.back ?></a></p>
<?cs include:"footer.cs" ?>
