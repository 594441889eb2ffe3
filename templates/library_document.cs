<?cs # library_document.cs - one library document: its facts, its description (plain text), and its files,
each with its versions (the newest first, the older ones still to be had: /files/{id}). ?>
<?cs set:Page.Title = Document.title ?><?cs set:Page.TitleKo = 1 ?><?cs set:Page.Nav = "library" ?>
<?cs include:"header.cs" ?>
<p class="crumbs"><a href="/library"><?cs var:L.library.back ?></a></p>
<article class="library-document">
<h1><?cs call:ko(Document.title) ?><?cs if:Document.audience == "signed_in" ?> <span class="badge members" title="<?cs var:L.library.signed_in_note ?>"><?cs var:L.library.signed_in_badge ?></span><?cs /if ?><?cs if:Document.is_demo == 1 ?> <span class="badge demo" title="<?cs var:L.demo_note ?>"><?cs var:L.demo ?></span><?cs /if ?></h1>
<?cs if:Document.listed != 1 ?><p class="notice warn" role="status"><?cs var:L.library.deleted_note ?></p><?cs /if ?>
<dl class="facts">
<dt><?cs var:L.library.kind ?></dt><dd><a href="/library?kind=<?cs var:url_escape(Document.kind) ?>"><?cs call:loc(Document.kind_name, Document.kind_name_en) ?></a></dd>
<dt><?cs var:L.library.publisher ?></dt><dd><?cs if:Document.tp_slug ?><a href="/members/<?cs var:url_escape(Document.tp_slug) ?>"><?cs call:loc(Document.tp_name, Document.tp_name_en) ?></a><?cs else ?><a href="/about"><?cs var:L.news.association ?></a><?cs /if ?></dd>
<dt><?cs var:L.library.year ?></dt><dd><a href="/library?year=<?cs var:Document.year ?>"><?cs var:Document.year ?></a></dd>
<dt><?cs var:L.library.language ?></dt><dd><?cs var:L.library.lang[Document.language] ?></dd>
<dt><?cs var:L.library.audience ?></dt><dd><?cs var:L.library.aud[Document.audience] ?></dd>
<dt><?cs var:L.library.created ?></dt><dd><time datetime="<?cs var:Document.created ?>"><?cs var:Document.created ?></time></dd>
<?cs if:Document.updated != Document.created ?><dt><?cs var:L.library.updated ?></dt><dd><time datetime="<?cs var:Document.updated ?>"><?cs var:Document.updated ?></time></dd><?cs /if ?>
</dl>
<?cs if:Document.description ?><div class="description"<?cs call:ko_lang() ?>><p><?cs var:Document.description ?></p></div><?cs /if ?>
<section aria-labelledby="files-h">
<h2 id="files-h"><?cs var:L.library.files ?></h2>
<?cs if:subcount(Files) ?>
<table class="cards library-files">
<caption class="vh"><?cs var:L.library.files ?></caption>
<thead><tr><th scope="col"><?cs var:L.library.file ?></th><th scope="col"><?cs var:L.library.version ?></th><th scope="col"><?cs var:L.library.size ?></th><th scope="col" class="date"><?cs var:L.library.uploaded ?></th></tr></thead>
<tbody>
<?cs each:f = Files ?><tr<?cs if:f.latest != 1 ?> class="older-version"<?cs /if ?>>
<td data-label="<?cs var:L.library.file ?>"><a href="/files/<?cs var:f.id ?>"><?cs var:f.filename ?></a> <span class="meta">(<?cs var:f.label ?>)</span></td>
<td data-label="<?cs var:L.library.version ?>"><?cs var:L.library.version_prefix ?><?cs var:f.version ?><?cs if:f.latest == 1 ?> <span class="badge latest"><?cs var:L.library.latest ?></span><?cs else ?> <span class="note"><?cs var:L.library.older ?></span><?cs /if ?></td>
<td data-label="<?cs var:L.library.size ?>"><?cs var:f.size ?></td>
<td class="date" data-label="<?cs var:L.library.uploaded ?>"><time datetime="<?cs var:f.uploaded ?>"><?cs var:f.uploaded ?></time></td>
</tr>
<?cs /each ?></tbody>
</table>
<?cs else ?><p><?cs var:L.library.no_files ?></p><?cs /if ?>
</section>
</article>
<?cs if:Page.CanEdit ?><p><a href="/admin/library/<?cs var:Document.id ?>"><?cs var:L.library.edit ?></a></p><?cs /if ?>
<?cs include:"footer.cs" ?>
